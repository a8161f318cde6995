namespace Decisions.Api.Storage;

/// <summary>The stored kinds of <see cref="Activation"/> records.</summary>
public static class ActivationKind
{
    public const string Activate = "activate";

    public const string Rollback = "rollback";

    /// <summary>Takes the scheduled activation named by <see cref="Activation.Cancels"/> off the timeline.</summary>
    public const string Cancel = "cancel";
}
