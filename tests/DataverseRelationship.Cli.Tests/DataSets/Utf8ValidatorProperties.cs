using System;
using System.Text;
using CsCheck;
using DataverseRelationship.Cli.DataSets.Limits;

namespace DataverseRelationship.Cli.Tests.DataSets;

/// <summary>The streaming UTF-8 check agrees with .NET's strict decoder however the input is cut into chunks.</summary>
public class Utf8ValidatorProperties
{
    [Fact]
    public void Chunked_validation_accepts_exactly_what_a_strict_decoder_accepts()
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Gen.Select(Gen.Byte.Array[0, 40], Gen.Int[1, 8]).Sample((bytes, chunk) =>
        {
            bool decodes;
            try
            {
                strict.GetString(bytes);
                decodes = true;
            }
            catch (DecoderFallbackException)
            {
                decodes = false;
            }

            var validator = new Utf8Validator();
            bool valid = true;
            try
            {
                for (int at = 0; at < bytes.Length; at += chunk)
                {
                    validator.Append(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)), at);
                }

                validator.Complete();
            }
            catch (InputRefusedException)
            {
                valid = false;
            }

            Assert.Equal(decodes, valid);
        }, seed: "0N0XIzNsQ0O5", iter: 20_000, threads: 1);
    }

    [Fact]
    public void Valid_text_cut_inside_characters_is_accepted()
    {
        byte[] text = Encoding.UTF8.GetBytes("Zoë · 東京 · 😀 · Ωmega");
        var validator = new Utf8Validator();
        for (int at = 0; at < text.Length; at++)
        {
            validator.Append(text.AsSpan(at, 1), at);
        }

        validator.Complete();
    }
}
