using System.Net;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintRules.Cli.Workbench;

/// <summary>
/// The workbench's web server: the embedded page and a same-origin JSON API on Kestrel. No routing, static-file or
/// MVC middleware: one dispatcher over a fixed list of paths, so nothing a request says can name a file.
/// </summary>
internal sealed class WorkbenchServer : IAsyncDisposable
{
    private const string TokenHeader = "X-Workbench-Token";

    /// <summary>How much of a refused body is read and discarded so that the client, still sending, reads the refusal.</summary>
    private const long DrainBytes = 4L << 20;
    private readonly WebApplication _app;
    private readonly WorkbenchApi _api;

    private WorkbenchServer(WebApplication app, WorkbenchSession session)
    {
        _app = app;
        Session = session;
        _api = new WorkbenchApi(session);
    }

    /// <summary>The address the page is at, with the token when one is needed.</summary>
    public Uri Address { get; private set; } = null!;

    public WorkbenchSession Session { get; }

    /// <summary>Loads the rule files and starts listening.</summary>
    /// <exception cref="RuleSetException">A rule file has errors.</exception>
    public static async Task<WorkbenchServer> StartAsync(WorkbenchOptions options, CancellationToken cancellationToken = default)
    {
        var session = new WorkbenchSession(options);
        // The empty builder reads no appsettings.json or ASPNETCORE_ variables from wherever the tool is run.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Listen(options.Address, options.Port);
        });
        var app = builder.Build();
        var server = new WorkbenchServer(app, session);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Kestrel reports the port it took, which --port 0 leaves to the system.
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var query = options.Token is null ? "" : "?token=" + Uri.EscapeDataString(options.Token);
        server.Address = new Uri($"http://{bound.Authority}/{query}");
        return server;
    }

    /// <summary>Runs until the host is stopped (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        // Scripts, styles and data come from this origin only; the page is never framed, nor sends a Referer (the token).
        response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";

        // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own name as Host.
        if (Session.Options.Token is null && !IsLoopbackHost(request.Host.Host, Session.Options.Address))
        {
            await WriteErrorAsync(context, StatusCodes.Status421MisdirectedRequest, "this workbench answers on 127.0.0.1 or localhost only").ConfigureAwait(false);
            return;
        }

        var path = request.Path.Value ?? "/";
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await ServeAssetAsync(context, path).ConfigureAwait(false);
            return;
        }

        if (Session.Options.Token is { } token && !TokenMatches(request.Headers[TokenHeader].ToString(), token))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, $"the {TokenHeader} header must carry the token printed at start").ConfigureAwait(false);
            return;
        }

        long limit = 0;
        if (HttpMethods.IsPost(request.Method))
        {
            // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
            if (!IsJson(request.ContentType))
            {
                await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "POST bodies must be Content-Type: application/json").ConfigureAwait(false);
                return;
            }

            limit = path == "/api/analyse" ? Session.Options.MaxComplaintBytes : Session.Options.MaxRequestBytes;
            if (request.ContentLength > limit)
            {
                await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, $"the request is larger than {limit} bytes").ConfigureAwait(false);
                return;
            }

            // The API refuses a body over the limit as it reads it; Kestrel then reads and discards what the client is
            // still sending, up to this bound, so the client gets the 413 instead of a connection reset mid-send.
            context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = limit + DrainBytes;
        }

        try
        {
            var result = await _api.DispatchAsync(request.Method, path, request, limit).ConfigureAwait(false);
            if (result is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"no API {request.Method} {path}").ConfigureAwait(false);
                return;
            }

            await WriteJsonAsync(context, StatusCodes.Status200OK, result).ConfigureAwait(false);
        }
        catch (WorkbenchRequestException ex)
        {
            await WriteErrorAsync(context, ex.StatusCode, ex.Message).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limit, met while reading a body sent without a Content-Length.
            await WriteErrorAsync(context, ex.StatusCode, ex.Message).ConfigureAwait(false);
        }
    }

    private static async Task ServeAssetAsync(HttpContext context, string path)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "the page is read with GET").ConfigureAwait(false);
            return;
        }

        if (WorkbenchAssets.Find(path) is not { } asset)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"no page at {path}").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = asset.ContentType;
        context.Response.ContentLength = asset.Content.Length;
        await context.Response.Body.WriteAsync(asset.Content).ConfigureAwait(false);
    }

    private static bool IsLoopbackHost(string host, IPAddress listening) =>
        host is "127.0.0.1" or "localhost" or "[::1]" or "::1"
        || host.Trim('[', ']').Equals(listening.ToString(), StringComparison.OrdinalIgnoreCase);

    private static bool TokenMatches(string given, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase);

    private static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, new { error = message });

    private static async Task WriteJsonAsync(HttpContext context, int status, object value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, value.GetType(), WorkbenchJson.Options).ConfigureAwait(false);
    }
}
