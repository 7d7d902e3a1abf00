using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace VibeCheck.Gateway.Http.Csv;

/// <summary>
/// Answers an endpoint's table-shaped success (<see cref="ICsvTable"/>) as <c>text/csv</c> when the request's
/// <c>Accept</c> prefers it, as JSON otherwise; 406 before the handler runs when <c>Accept</c> allows neither.
/// Errors stay <c>application/problem+json</c> whatever was asked for.
/// </summary>
public sealed class CsvOrJsonFilter : IEndpointFilter
{
    /// <summary>The <c>Content-Type</c> of a CSV answer (RFC 4180 and RFC 7111's <c>header</c> parameter).</summary>
    public const string CsvContentType = "text/csv; charset=utf-8; header=present";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (!ResponseFormats.TryChoose(http.Request.Headers.Accept, out var format))
        {
            return Problems.BadHeader("The Accept header does not parse as a list of media types.");
        }

        if (format is null)
        {
            return TypedResults.Problem(
                title: "Not acceptable",
                detail: "This endpoint answers application/json (the default) or text/csv; the Accept header allows neither.",
                statusCode: StatusCodes.Status406NotAcceptable);
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (format != ResponseFormat.Csv || inner is not IValueHttpResult { Value: ICsvTable table }
            || inner is IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) })
        {
            return result;
        }

        var name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "table";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        return TypedResults.Text(CsvText.Write(table), CsvContentType);
    }
}

/// <summary>Wiring of <see cref="CsvOrJsonFilter"/>.</summary>
public static class CsvOrJsonEndpoints
{
    /// <summary>Lets the endpoints answer CSV as well as JSON, and says so in the OpenAPI document.</summary>
    public static TBuilder AnswersCsvOrJson<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(new CsvOrJsonFilter());
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status406NotAcceptable, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        // A second 200 metadata would replace the typed result's JSON one in the document: add CSV beside it instead.
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
            {
                content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });
        return builder;
    }
}
