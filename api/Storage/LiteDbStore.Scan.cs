namespace Decisions.Api.Storage;

public sealed partial class LiteDbStore
{
    public Task<long?> FirstSequenceAsync(DateTimeOffset from, CancellationToken cancellationToken) =>
        Task.FromResult(_decisions.Query().Where("decidedAtTicks >= @0", from.UtcTicks).OrderBy("decidedAtTicks").Limit(1)
            .FirstOrDefault() is { } first ? first["seq"].AsInt64 : (long?)null);
}
