using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Decisions.Engine.Serialization;

/// <summary>
/// RFC 8785, the JSON Canonicalization Scheme: object members sorted by their names' UTF-16 code units, no white
/// space, strings escaped as ECMAScript's JSON.stringify escapes them, and numbers as IEEE 754 doubles written the
/// ECMAScript way (<c>1.0</c> is <c>1</c>, <c>1e21</c> is <c>1e+21</c>). Any JCS library gives the same bytes, so an
/// auditor checks a content hash without this code.
/// </summary>
public static class JsonCanonicalization
{
    /// <summary>The canonical UTF-8 of <paramref name="json"/>.</summary>
    public static byte[] Canonicalize(JsonElement json)
    {
        var text = new StringBuilder();
        Write(json, text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Write(JsonElement json, StringBuilder text)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var member in json.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    WriteString(member.Name, text);
                    text.Append(':');
                    Write(member.Value, text);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in json.EnumerateArray())
                {
                    text.Append(index++ == 0 ? "" : ",");
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(json.GetString()!, text);
                break;
            case JsonValueKind.Number:
                text.Append(Number(json.GetDouble()));
                break;
            default:
                text.Append(json.GetRawText());
                break;
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        text.Append('"');
    }

    /// <summary>ECMAScript's Number.prototype.toString of a finite double (ECMA-262, Number::toString).</summary>
    internal static string Number(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        if (value < 0)
        {
            return "-" + Number(-value);
        }

        // The shortest digits that read back as the same double, and n, the position of the decimal point.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest.AsSpan(exponentAt + 1), CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var allDigits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var n = (point < 0 ? mantissa.Length : point) + exponent;
        var trimmedStart = allDigits.TrimStart('0');
        n -= allDigits.Length - trimmedStart.Length;
        var digits = trimmedStart.TrimEnd('0');
        var k = digits.Length;

        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var e = n - 1;
        var sign = e < 0 ? "-" : "+";
        var magnitude = Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + sign + magnitude;
    }
}
