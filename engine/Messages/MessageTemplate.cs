using System.Globalization;
using System.Text.Json;
using Decisions.Engine.Compilation;
using Decisions.Engine.Expressions;
using Decisions.Engine.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Decisions.Engine.Messages;

/// <summary>
/// A parsed Scriban message template. Templates may interpolate, branch, loop over the model's lists and
/// call the safe built-ins; they may not assign variables, define functions or build ranges, so a render
/// is bounded by the template's size and the loop limit. Rendering uses the invariant culture (format 1) or the
/// rule set's fixed <see cref="MessageCulture"/> (format 2).
/// </summary>
internal sealed class MessageTemplate
{
    private readonly Template _template;
    private readonly DecisionEngineOptions _options;
    private readonly MessageCulture? _locale;

    private MessageTemplate(Template template, DecisionEngineOptions options, MessageCulture? locale, bool readsReasons)
    {
        _template = template;
        _options = options;
        _locale = locale;
        ReadsReasons = readsReasons;
    }

    /// <summary>
    /// Whether the template names <c>reasons</c>; read off the text, so a mention in plain text counts too, which
    /// only makes the engine explain before rendering where it did not need to.
    /// </summary>
    public bool ReadsReasons { get; }

    public static MessageTemplate? Parse(
        string text, string path, ICollection<Problem> problems, DecisionEngineOptions options) =>
        Parse(text, path, problems, options, null);

    /// <summary>As above; with <paramref name="locale"/> (format 2) numbers and dates are written for it.</summary>
    public static MessageTemplate? Parse(
        string text, string path, ICollection<Problem> problems, DecisionEngineOptions options, MessageCulture? locale)
    {
        if (text.Length > options.MaxMessageLength)
        {
            problems.Add(new Problem(path, $"The template is longer than {options.MaxMessageLength} characters."));
            return null;
        }

        if (DeepestCodeNesting(text) is var depth && depth > options.MaxNestingDepth)
        {
            problems.Add(new Problem(path,
                $"The template nests brackets {depth} deep; the limit is {options.MaxNestingDepth}."));
            return null;
        }

        var template = Template.Parse(text, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        if (template.HasErrors)
        {
            foreach (var message in template.Messages)
            {
                var (line, column) = (message.Span.Start.Line + 1, message.Span.Start.Column + 1);
                problems.Add(new Problem(path, $"Template error at {line}:{column}: {message.Message}"));
            }

            return null;
        }

        var before = problems.Count;
        TemplateAllowList.Check(template.Page!, path, problems, loopDepth: 0);
        return problems.Count == before
            ? new MessageTemplate(template, options, locale, text.Contains("reasons", StringComparison.Ordinal))
            : null;
    }

    /// <summary>Renders for one decision, spending from its budget; throws a rule error when it runs out.</summary>
    public string Render(MessageModel model)
    {
        // A TemplateContext costs ~30 KB to build; one per thread is reused, and dropped if a render fails.
        var cached = _cached;
        var context = cached is not null && cached.Serves(_options, _locale, model)
            ? cached
            : new CachedContext(_options, _locale, model);
        _cached = null;
        model.CopyTo(context.Set);
        context.Context.Facts = model.Facts;

        // Built-ins that compare or parse text (array.sort, string.index_of) use the thread's culture.
        var hostCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = _locale?.Culture ?? CultureInfo.InvariantCulture;
        string text;
        try
        {
            text = _template.Render(context.Context);
        }
        finally
        {
            CultureInfo.CurrentCulture = hostCulture;
        }

        context.Context.Facts = null;
        _cached = context;
        return text;
    }

    [ThreadStatic]
    private static CachedContext? _cached;

    // Also refused at validation by name; the filter holds for a member reached by an indexer too.
    private static readonly HashSet<(Type?, string)> HostDependentMembers =
    [
        (typeof(DateTimeOffset), nameof(DateTimeOffset.LocalDateTime)),
    ];

    private sealed class CachedContext
    {
        public CachedContext(DecisionEngineOptions options, MessageCulture? locale, MessageModel model)
        {
            Options = options;
            Locale = locale;
            _recordTypes = (model.Facts.Customer.GetType(), model.Facts.Params.GetType());
            Context = new MeteredTemplateContext(TemplateBuiltins.Safe, options.MaxMessageLength)
            {
                Locale = locale,
                StrictVariables = true,
                EnableRelaxedMemberAccess = false,
                LoopLimit = options.TemplateLoopLimit,
                RecursiveLimit = 16,
                ObjectRecursionLimit = 8,
                LimitToString = options.MaxMessageLength,
                OutputLimit = options.MaxMessageLength,
                MemberRenamer = member => JsonNamingPolicy.CamelCase.ConvertName(member.Name),
                MemberFilter = member => !HostDependentMembers.Contains((member.DeclaringType, member.Name)),
                TemplateLoader = null,
                RegexTimeOut = TimeSpan.FromMilliseconds(50),
            };
            Context.PushCulture(locale?.Culture ?? CultureInfo.InvariantCulture);
            Context.PushGlobal(Globals);
        }

        // The context caches an accessor per type it reads: serving one schema only, it never holds another's types.
        private readonly (Type Customer, Type Params) _recordTypes;

        public DecisionEngineOptions Options { get; }

        public MessageCulture? Locale { get; }

        public bool Serves(DecisionEngineOptions options, MessageCulture? locale, MessageModel model) =>
            ReferenceEquals(Options, options) && ReferenceEquals(Locale, locale)
            && _recordTypes == (model.Facts.Customer.GetType(), model.Facts.Params.GetType());

        public MeteredTemplateContext Context { get; }

        public ScriptObject Globals { get; } = new(8);

        public void Set(string name, object? value) => Globals.SetValue(name, value, readOnly: false);
    }

    // Scriban's parser recurses per bracket like the expression parser; only code blocks hold brackets it parses.
    private static int DeepestCodeNesting(string text)
    {
        var deepest = 0;
        for (var start = text.IndexOf("{{", StringComparison.Ordinal); start >= 0;
            start = text.IndexOf("{{", start, StringComparison.Ordinal))
        {
            var end = text.IndexOf("}}", start + 2, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end;
            deepest = Math.Max(deepest, ExpressionGuard.NestingDepth(text.AsSpan(start + 2, end - start - 2)));
            start = end;
        }

        return deepest;
    }
}
