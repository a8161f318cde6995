using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Decisions.Api.OpenApi;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Operations;

/// <summary>Consistent copies of the embedded store, taken while the service keeps deciding.</summary>
public static class BackupEndpoints
{
    public const string Description =
        "Copies the LiteDB data file into `Storage:LiteDb:BackupDirectory` between two commits of the log's writer: "
        + "decisions wait for the copy (milliseconds per 100 MB) and none is lost. The answer names the file and the "
        + "chain heads it holds; a store restored from it verifies with exactly these heads. The PostgreSQL store "
        + "answers 409: back it up with pg_dump or continuous archiving.";

    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/backups").WithTags("Operations").RequireAuthorization(Roles.Operate)
            .CommonProblems();
        group.MapPost("", Create).WithName("CreateBackup").WithSummary("Back up the embedded store while it runs")
            .WithDescription(Description).Problems(409);
        return endpoints;
    }

    public static async Task<Results<Ok<BackupResponse>, ProblemHttpResult>> Create(
        IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<IStoreBackup>() is not { } store)
        {
            return new Failure.Conflict(
                "This service runs on PostgreSQL, which the service does not copy: use pg_dump or continuous "
                + "archiving (see the README, \"Backup and restore\").").ToProblem();
        }

        var backup = await store.BackupAsync(cancellationToken);
        return TypedResults.Ok(new BackupResponse(
            backup.File, backup.Bytes, backup.TakenAt, backup.AuditEntries, backup.AuditHead, backup.Decisions,
            backup.DecisionHead));
    }
}

/// <summary>A backup taken: the file (in the backup directory) and the chain heads a restored copy must show.</summary>
public sealed record BackupResponse(
    string File, long Bytes, DateTimeOffset TakenAt, long AuditEntries, string AuditHead, long Decisions,
    string DecisionHead);
