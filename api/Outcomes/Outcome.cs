using System.Diagnostics.CodeAnalysis;

namespace Decisions.Api.Outcomes;

/// <summary>The result of a domain step: a value, or the <see cref="Outcomes.Failure"/> that prevented it.</summary>
public sealed record Outcome<T>
    where T : class
{
    private Outcome(T? value, Failure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }

    public Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Value is not null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(null, failure);
}
