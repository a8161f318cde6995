namespace Decisions.Api.Decisions;

/// <summary>
/// A decision's answer as the log holds it: the JSON serialized once, when it was decided. The client is sent these
/// bytes, so a teller receives exactly what replay compares against and a retry with the same Idempotency-Key gets
/// the first answer byte for byte.
/// </summary>
public sealed record LoggedAnswer(string Json);
