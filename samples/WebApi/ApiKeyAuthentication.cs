using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ComplaintRules.Samples.WebApi;

/// <summary>
/// The simplest scheme that keeps <c>GET /rules</c> private in a sample: an operator key in the <c>X-Api-Key</c>
/// header, compared in constant time. In production use your identity provider instead (JWT bearer, OpenID
/// Connect, a mesh's mTLS identity) and keep the same <c>rules-admin</c> policy.
/// </summary>
public static class ApiKeyAuthentication
{
    /// <summary>The scheme's name.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The role an accepted key grants, and the authorization policy that requires it.</summary>
    public const string RulesAdmin = "rules-admin";
}

/// <summary>The key the operators use; none configured means every request is refused.</summary>
public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    /// <summary>The expected key (configuration <c>RulesAdmin:ApiKey</c>, e.g. the environment variable <c>RulesAdmin__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }
}

/// <summary>Accepts a request whose <c>X-Api-Key</c> equals the configured key.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyAuthentication.HeaderName, out var presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (string.IsNullOrEmpty(Options.ApiKey)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented.ToString()), Encoding.UTF8.GetBytes(Options.ApiKey)))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, ApiKeyAuthentication.RulesAdmin), new Claim(ClaimTypes.Role, ApiKeyAuthentication.RulesAdmin)],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
