using System.Buffers;
using System.Text;

namespace ComplaintRules.Samples.WebApi;

/// <summary>Reads a request body up to a limit, in pieces, so an oversized body is refused without being held.</summary>
public static partial class RequestBody
{
    /// <summary>
    /// The body of a JSON request, or the problem to answer instead: 415 when it is not declared JSON (a browser can
    /// send text/plain or a form cross-origin without a preflight), 413 when it is larger than <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<(string? Body, IResult? Refused)> ReadJsonAsync(HttpRequest request, long maxBytes, string what, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            LogNotJson(logger, request.Method, request.Path, request.ContentType);
            return (null, Results.Problem($"Send the {what} as JSON with 'Content-Type: application/json'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        if (await ReadUtf8Async(request, maxBytes, cancellationToken) is not { } body)
        {
            LogTooLarge(logger, request.Method, request.Path, maxBytes);
            return (null, Results.Problem($"A {what} is at most {maxBytes} bytes of JSON.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: $"{char.ToUpperInvariant(what[0])}{what[1..]} too large"));
        }

        return (body, null);
    }

    /// <summary>The outcome body with the route's complaint id; a body that names another complaint is refused.</summary>
    /// <exception cref="System.Text.Json.JsonException">The body is not a JSON object, or names another complaint.</exception>
    public static string WithComplaintId(string body, string id)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(body) as System.Text.Json.Nodes.JsonObject
            ?? throw new System.Text.Json.JsonException("an outcome must be a JSON object");
        if (node["complaintId"] is { } given && given.GetValueKind() == System.Text.Json.JsonValueKind.String && given.GetValue<string>() != id)
        {
            throw new System.Text.Json.JsonException($"field 'complaintId' is '{given.GetValue<string>()}', but the route names complaint '{id}'");
        }

        node["complaintId"] = id;
        return node.ToJsonString();
    }

    /// <summary>
    /// The body as text, or <see langword="null"/> when it is larger than <paramref name="maxBytes"/> (by its
    /// Content-Length, by what arrives, or by the server's own limit).
    /// </summary>
    public static async Task<string?> ReadUtf8Async(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null; // refused before reading a byte
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes) + 1);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }

                length += read;
                if (length > maxBytes)
                {
                    return null; // a chunked body that grew past the limit: stop reading
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null; // Kestrel's MaxRequestBodySize stopped it first
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A client sent too much: a client error worth a line, not an exception with a stack trace.</summary>
    [LoggerMessage(EventId = 413, Level = LogLevel.Information, Message = "Refused {Method} {Path}: the body is larger than {MaxBytes} bytes (413)")]
    public static partial void LogTooLarge(ILogger logger, string method, PathString path, long maxBytes);

    /// <summary>A client sent something other than JSON.</summary>
    [LoggerMessage(EventId = 415, Level = LogLevel.Information, Message = "Refused {Method} {Path}: Content-Type '{ContentType}' is not application/json (415)")]
    public static partial void LogNotJson(ILogger logger, string method, PathString path, string? contentType);
}
