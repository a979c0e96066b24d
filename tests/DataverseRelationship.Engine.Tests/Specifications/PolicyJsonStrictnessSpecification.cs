using System;
using System.Diagnostics;
using System.Linq;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>
/// Hostile policy documents (issue 14): the parser refuses what a lenient JSON reader lets through, naming the place,
/// and only ever throws <see cref="PolicyValidationException"/> (in the plugins that becomes a message naming the
/// environment variable, never "failed unexpectedly").
/// </summary>
public class PolicyJsonStrictnessSpecification
{
    private static PolicyValidationException Refused(string json) =>
        Assert.Throws<PolicyValidationException>(() => RelationshipPolicyJson.Parse(json));

    [Fact]
    public void A_raw_control_character_in_a_string_is_refused_with_its_line_and_column()
    {
        var error = Refused("{\n  \"version\": \"a\u0001b\"\n}");

        Assert.Equal("version", error.Field);
        Assert.Contains("U+0001", error.Reason, StringComparison.Ordinal);
        Assert.Contains("line 2, column 16", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_control_character_is_an_ordinary_value()
    {
        var policy = RelationshipPolicyJson.Parse("{\"version\":\"a\\u0009b\"}");

        Assert.Equal("a\tb", policy.Version);
    }

    [Fact]
    public void A_trailing_comma_in_an_object_is_refused_naming_the_object()
    {
        var error = Refused("{\"version\":\"x\",\"deals\":{\"mode\":\"warn\",}}");

        Assert.Equal("deals", error.Field);
        Assert.Contains("trailing commas", error.Reason, StringComparison.Ordinal);
        Assert.Contains("line 1", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trailing_comma_in_an_array_is_refused_naming_the_item()
    {
        var error = Refused("{\"version\":\"x\",\"deals\":{\"acceptedCommitments\":[\"volume\",]}}");

        Assert.Equal("deals.acceptedCommitments[1]", error.Field);
        Assert.Contains("trailing commas", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_refused_naming_it_even_when_the_field_is_unknown()
    {
        Assert.Equal("deals.mode", Refused("{\"version\":\"x\",\"deals\":{\"mode\":\"warn\",\"mode\":\"enforce\"}}").Field);
        Assert.Equal("bogus", Refused("{\"version\":\"x\",\"bogus\":1,\"bogus\":2}").Field);
    }

    [Fact]
    public void A_type_hint_key_is_an_unknown_field_not_a_silent_annotation()
    {
        var error = Refused("{\"__type\":\"RelationshipPolicy:#Engine\",\"version\":\"x\"}");

        Assert.Equal("__type", error.Field);
        Assert.Contains("not a policy field", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_refused_with_its_path()
    {
        Assert.Equal("tiers.preferred.minimumLoyality", Refused("{\"version\":\"x\",\"tiers\":{\"preferred\":{\"minimumLoyality\":5}}}").Field);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_at_once_even_a_hundred_thousand_levels_deep()
    {
        var deep = "{\"version\":\"x\",\"bogus\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        var clock = Stopwatch.StartNew();

        var error = Refused(deep);

        Assert.Contains("more than 64 levels", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("bogus", error.Field, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("{\"version\":\"x\"} x", "after the end")]
    [InlineData("{\"version\":'x'}", "expected a value")]
    [InlineData("{\"version\":\"x\" // comment\n}", "expected ',' or '}'")]
    [InlineData("{version:\"x\"}", "member name in double quotes")]
    [InlineData("{\"version\":\"x\",\"scoring\":{\"windowMonths\":012}}", "not a JSON number")]
    [InlineData("{\"version\":\"x\",\"scoring\":{\"windowMonths\":NaN}}", "expected a value")]
    [InlineData("{\"version\":\"x\",\"scoring\":{\"windowMonths\":1.}}", "not a JSON number")]
    [InlineData("{\"version\":\"x\\q\"}", "invalid escape")]
    [InlineData("{\"version\":\"x", "not closed")]
    [InlineData("{\"version\":\"x\"", "expected ',' or '}'")]
    public void Lenient_json_is_refused_with_a_line_and_column(string json, string reason)
    {
        var error = Refused(json);

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains("(line 1, column ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_number_is_refused_as_out_of_range_not_as_a_crash()
    {
        var error = Refused("{\"version\":\"x\",\"scoring\":{\"windowMonths\":1e400}}");

        Assert.Equal("scoring.windowMonths", error.Field);
    }

    [Fact]
    public void Every_written_policy_reads_back_through_the_strict_reader()
    {
        var written = RelationshipPolicyJson.Write(RelationshipPolicy.Default);

        Assert.Equal(RelationshipPolicy.Default, RelationshipPolicyJson.Parse(written));
        Assert.Equal(RelationshipPolicy.Default, RelationshipPolicyJson.Parse("\uFEFF" + written));
    }

    [Fact]
    public void Any_one_character_mutant_of_a_policy_is_parsed_or_refused_with_a_policy_validation_error()
    {
        var written = RelationshipPolicyJson.Write(RelationshipPolicy.Default);
        var replacements = new[] { '\u0000', '\u001b', ',', '{', '[', '"', '\\', '9', '-', 'e', ' ', '\uD800' };
        var random = new Random(14);
        foreach (var _ in Enumerable.Range(0, 3000))
        {
            var at = random.Next(written.Length);
            var mutant = written.Substring(0, at) + replacements[random.Next(replacements.Length)] + written.Substring(at + 1);
            try
            {
                RelationshipPolicyJson.Parse(mutant);
            }
            catch (PolicyValidationException error)
            {
                Assert.False(string.IsNullOrEmpty(error.Field));
            }
        }
    }
}
