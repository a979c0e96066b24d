using System;
using System.Collections.Generic;
using DataverseRelationship.Flows.Expressions;

namespace DataverseRelationship.Flows.Tests.Expressions;

/// <summary>The expression language: templates, interpolation, property paths and the supported functions.</summary>
public sealed class ExpressionSpecification
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Relationship tier changed for @{triggerOutputs()?['body/name']}: follow up", "Relationship tier changed for Contoso: follow up")]
    [InlineData("@{triggerOutputs()?['body/_ownerid_type']}(@{triggerOutputs()?['body/_ownerid_value']})", "systemusers(0f8fad5b-d9cb-469f-a165-70867728950e)")]
    [InlineData("@{addDays(utcNow(), 7)}", "2026-03-09T09:30:00.0000000Z")]
    [InlineData("@@literal", "@literal")]
    [InlineData("no expression", "no expression")]
    public void Templates_interpolate_as_the_designer_writes_them(string template, string expected) =>
        Assert.Equal(expected, Evaluate(template));

    [Fact]
    public void A_whole_expression_keeps_its_type_and_interpolation_makes_text()
    {
        Assert.Equal(3L, Evaluate("@triggerOutputs()?['body/dvr_tier']"));
        Assert.Equal("3", Evaluate("@{triggerOutputs()?['body/dvr_tier']}"));
        Assert.Equal(true, Evaluate("@equals(triggerOutputs()?['body/dvr_tier'], 3)"));
    }

    [Fact]
    public void Null_safe_selection_gives_null_for_a_missing_value_and_plain_selection_refuses_it()
    {
        Assert.Null(Evaluate("@triggerOutputs()?['body/missing']"));
        Assert.Equal(string.Empty, Evaluate("@{first(variables('Empty'))?['dvr_reason']}"));
        var refusal = Assert.Throws<FlowExpressionException>(() => Evaluate("@triggerOutputs()['body']['missing']"));
        Assert.Contains("'missing'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticks_compare_timestamps_and_coalesce_supplies_a_default()
    {
        Assert.Equal(true, Evaluate("@greaterOrEquals(ticks(coalesce(null, '2026-03-02T09:25:00Z')), ticks(addMinutes(triggerOutputs()?['body/modifiedon'], -10)))"));
        Assert.Equal(false, Evaluate("@greaterOrEquals(ticks(coalesce(null, '1900-01-01T00:00:00Z')), ticks(addMinutes(triggerOutputs()?['body/modifiedon'], -10)))"));
    }

    [Theory]
    [InlineData("@equals(1", "expected ')' at the end")]
    [InlineData("@length(variables('Empty'), 2)", "2 argument(s)")]
    [InlineData("@ticks('not a time')", "'not a time'")]
    public void A_broken_expression_is_refused_with_the_reason(string template, string expected)
    {
        var refusal = Assert.Throws<FlowExpressionException>(() => Evaluate(template));
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    private static object? Evaluate(string template) => ExpressionEvaluator.Evaluate(FlowTemplate.Parse(template), new Context());

    private sealed class Context : IExpressionContext
    {
        public DateTime UtcNow => Now;

        public object? TriggerOutputs()
        {
            var body = FlowValue.NewObject();
            body["name"] = "Contoso";
            body["dvr_tier"] = 3L;
            body["_ownerid_type"] = "systemusers";
            body["_ownerid_value"] = "0f8fad5b-d9cb-469f-a165-70867728950e";
            body["modifiedon"] = "2026-03-02T09:30:00Z";
            var outputs = FlowValue.NewObject();
            outputs["body"] = body;
            return outputs;
        }

        public object? ActionOutputs(string actionName) => throw new FlowExpressionException("no action " + actionName);

        public object? Variable(string name) => name == "Empty" ? new List<object?>() : throw new FlowExpressionException("no variable " + name);

        public object? Parameter(string name) => FlowValue.NewObject();
    }
}
