namespace Decisions.Api.Auth;

/// <summary>API keys and their roles (section <c>Auth</c>; e.g. <c>Auth__ApiKeys__0__Key</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<ApiKey> ApiKeys { get; set; } = [];
}

/// <summary>One key: who holds it and what role it has.</summary>
public sealed class ApiKey
{
    public string Key { get; set; } = "";

    public string Role { get; set; } = "";

    public string Name { get; set; } = "";
}
