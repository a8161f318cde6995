using LiteDB;

namespace Decisions.Api.Tests;

/// <summary>Edits a logged decision in a stopped service's LiteDB file, as someone holding the file could.</summary>
internal static class StoredDecisionFile
{
    /// <summary>Applies <paramref name="edit"/> to the stored entry of decision <paramref name="sequence"/> in its block.</summary>
    public static void Edit(string dataDirectory, long sequence, Action<BsonDocument> edit)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dataDirectory, "decisions.db"), Connection = ConnectionType.Direct });
        var blocks = database.GetCollection("blocks");
        var block = blocks.Query().Where("_id <= @0", sequence).OrderByDescending("_id").First();
        edit(block["entries"].AsArray[(int)(sequence - block["_id"].AsInt64)].AsDocument);
        Assert.True(blocks.Update(block));
    }
}
