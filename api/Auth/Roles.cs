namespace Decisions.Api.Auth;

/// <summary>The roles of the HTTP contract and the policies endpoints require; <c>admin</c> holds every role.</summary>
public static class Roles
{
    public const string Teller = "teller";
    public const string Editor = "editor";
    public const string Approver = "approver";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Teller, Editor,
        Approver, Auditor, Admin };

    /// <summary>Evaluate decisions.</summary>
    public const string Decide = "decide";

    /// <summary>Draft, edit, validate, test, simulate, submit.</summary>
    public const string Edit = "edit";

    /// <summary>
    /// Validate a version and analyse its impact: read-only checks an editor runs while writing and an approver
    /// runs while reviewing (editor, approver, admin).
    /// </summary>
    public const string Review = "review";

    /// <summary>Approve, reject, activate, roll back.</summary>
    public const string Approve = "approve";

    /// <summary>Read decisions and the change trail, replay.</summary>
    public const string Audit = "audit";

    /// <summary>Read rule sets: everyone who works on or checks them.</summary>
    public const string Read = "read";

    /// <summary>Operate the service: back up its store. Only <c>admin</c>.</summary>
    public const string Operate = "operate";

    /// <summary>Any valid key, whatever its role.</summary>
    public const string SignedIn = "signed-in";
}
