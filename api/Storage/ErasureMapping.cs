using System.Globalization;
using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>
/// An erased decision in LiteDB, the same for a block's entry and for a per-decision document of an older file:
/// the payload and customer id become null, the content digest stays (<c>digest</c>), and <c>erasedAt</c> and
/// <c>erasedBy</c> (the trail entry) say when and why. Updated in place, never deleted: LiteDB 5 deletes are hazardous.
/// </summary>
internal static class ErasureMapping
{
    public static DecisionErasure? Of(BsonDocument stored) =>
        stored["erasedAt"].IsNull
            ? null
            : new DecisionErasure(
                DateTimeOffset.ParseExact(stored["erasedAt"].AsString, "O", CultureInfo.InvariantCulture),
                stored["erasedBy"].AsInt64,
                stored["digest"].AsString);

    public static bool IsErased(BsonDocument stored) => !stored["erasedAt"].IsNull;

    /// <summary>
    /// Erases <paramref name="stored"/> in place; <paramref name="digest"/> is the digest its link covers.
    /// </summary>
    public static void Erase(BsonDocument stored, string digest, ErasureReceipt receipt, DateTimeOffset at)
    {
        stored["payload"] = BsonValue.Null;
        stored["customerId"] = BsonValue.Null;
        stored["digest"] = digest;
        stored["erasedAt"] = at.ToString("O", CultureInfo.InvariantCulture);
        stored["erasedBy"] = receipt.TrailEntry!.Value;
    }
}
