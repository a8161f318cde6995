using System.Text;
using Decisions.Engine.Model;

namespace Decisions.Api.Decisions;

/// <summary>
/// The one place that knows the shape of a logged answer (a <see cref="DecisionResponse"/> as written to the log)
/// for the readers that pick codes out of it without deserializing it. The response pins these names by attribute,
/// so renaming a member changes neither new answers nor what reads the answers logged before.
/// </summary>
public static class LoggedAnswerShape
{
    public const string Tier = "tier";

    public const string Privileges = "privileges";

    public const string NextAction = "nextAction";

    internal static readonly byte[] TierUtf8 = Encoding.UTF8.GetBytes(Tier);

    internal static readonly byte[] PrivilegesUtf8 = Encoding.UTF8.GetBytes(Privileges);

    internal static readonly byte[] NextActionUtf8 = Encoding.UTF8.GetBytes(NextAction);

    /// <summary>The code of a tier, privilege or action.</summary>
    internal static readonly byte[] CodeUtf8 = Encoding.UTF8.GetBytes(OutcomeJson.Code);
}
