using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

internal abstract partial class FieldBinder
{
    /// <summary>
    /// A <c>string[]</c> field: at most <c>maxItems</c> texts, each from the code list when one is given, and
    /// none twice when <c>uniqueItems</c> is set; a refusal names the item at fault.
    /// </summary>
    private sealed class List(int index, string name, InputField definition, Action<object, string[]> set, int maxItems)
        : FieldBinder(index, name, definition)
    {
        private readonly HashSet<string>? _allowed = definition.Items?.Enum?.ToHashSet(StringComparer.Ordinal);

        public override string? Bind(ref Utf8JsonReader reader, object target, out int item)
        {
            item = -1;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return FieldValue.Expected(FieldType.StringArray, reader.TokenType);
            }

            var depth = reader.CurrentDepth;
            var items = new List<string>();
            var seen = Definition.UniqueItems == true ? new HashSet<string>(StringComparer.Ordinal) : null;
            string? error = null;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
            {
                if (error is not null)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    item = -1;
                    error = $"Item {items.Count} is not a text.";
                    continue;
                }

                var value = reader.GetString()!;
                error = Check(value, items.Count);
                item = error is null ? items.Count : -1;
                error ??= CheckCode(value, seen);
                items.Add(value);
            }

            if (error is not null)
            {
                return error;
            }

            item = -1;
            set(target, [.. items]);
            return null;
        }

        public override void SetEmpty(object target) => set(target, []);

        private string? Check(string value, int index) =>
            index == maxItems ? $"At most {maxItems} items are allowed."
            : value.Length > FieldValue.MaxStringLength
                ? $"Item {index} is longer than {FieldValue.MaxStringLength} characters."
            : value.Contains('\0', StringComparison.Ordinal) ? $"Item {index} contains the NUL character (U+0000)."
            : null;

        // A code-list violation is reported at the item's own path, e.g. customer.products[2].
        private string? CheckCode(string value, HashSet<string>? seen) =>
            _allowed is not null && !_allowed.Contains(value)
                ? $"'{value}' is not one of: {string.Join(", ", Definition.Items!.Enum!)}."
            : seen?.Add(value) == false ? $"'{value}' is listed more than once."
            : null;
    }
}
