namespace Decisions.Api.Tests;

/// <summary>
/// Tests that measure latency run after the others and alone: test classes running in parallel with them would
/// be the very noise they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
