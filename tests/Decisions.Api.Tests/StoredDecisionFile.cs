using LiteDB;
using Npgsql;

namespace Decisions.Api.Tests;

/// <summary>Edits a logged decision in a stopped service's LiteDB file, as someone holding the file could.</summary>
internal static class StoredDecisionFile
{
    /// <summary>
    /// Edits the logged answer of decision <paramref name="sequence"/> in the stopped service's store: on PostgreSQL
    /// the output becomes the SQL expression <paramref name="output"/>, on LiteDB the compressed payload becomes what
    /// <paramref name="payload"/> makes of it.
    /// </summary>
    public static async Task EditAnswer(DecisionsAppFixture app, long sequence, string output,
        Func<byte[], byte[]> payload)
    {
        if (app.PostgresConnectionString is { } postgres)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"update decisions set output = {output} where seq = {sequence}", connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
            return;
        }

        Edit(app.DataDirectory, sequence, entry => entry["payload"] = payload(entry["payload"].AsBinary));
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to the stored entry of decision <paramref name="sequence"/> in its block.
    /// </summary>
    public static void Edit(string dataDirectory, long sequence, Action<BsonDocument> edit)
    {
        using var database = new LiteDatabase(new ConnectionString {
            Filename = Path.Combine(dataDirectory, "decisions.db"), Connection = ConnectionType.Direct });
        var blocks = database.GetCollection("blocks");
        var block = blocks.Query().Where("_id <= @0", sequence).OrderByDescending("_id").First();
        edit(block["entries"].AsArray[(int)(sequence - block["_id"].AsInt64)].AsDocument);
        Assert.True(blocks.Update(block));
    }
}
