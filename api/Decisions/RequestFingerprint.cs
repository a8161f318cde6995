using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Decisions.Engine.Explanation;

namespace Decisions.Api.Decisions;

/// <summary>
/// What a retry must repeat to get the first answer back: the operation, rule set, pinned version, <c>asOf</c> as
/// sent, the customer input(s) and the explain level when it is not the default, digested (so a request at the
/// default level digests as it did before the option existed). Customers are compared as JSON written without white
/// space, in their property order: a client retrying sends the same body, and a different body must not pass for the
/// same one.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(DecisionRequest request, ExplainLevel level) =>
        Digest("decide", request.RuleSet, request.Version, request.AsOf, [request.Customer], level);

    public static string Of(BatchDecisionRequest request, ExplainLevel level) =>
        Digest("batch", request.RuleSet, request.Version, request.AsOf, request.Customers, level);

    private static string Digest(
        string operation, string ruleSet, int? version, DateTimeOffset? asOf, IReadOnlyList<JsonElement> customers,
        ExplainLevel level)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(operation);
            writer.WriteStringValue(ruleSet);
            WriteOrNull(writer, version?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteOrNull(writer, asOf?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var customer in customers)
            {
                customer.WriteTo(writer);
            }

            if (level != ExplainLevel.Reasons)
            {
                writer.WriteStringValue("explain=" + ExplainOption.Name(level));
            }

            writer.WriteEndArray();
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteOrNull(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
