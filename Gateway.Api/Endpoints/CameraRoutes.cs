using Microsoft.OpenApi;
using VibeCheck.Gateway.Http;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>The routes about one camera: <c>/cameras/{id}/...</c>, each answering 400 or 404 for a bad id before its handler runs.</summary>
public static class CameraRoutes
{
    /// <summary>A group under <c>/cameras/{id}</c> whose handlers take a <see cref="KnownCamera"/>.</summary>
    public static RouteGroupBuilder MapCameraGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup($"/cameras/{{{KnownCamera.RouteValue}}}").ResolvesCamera();

    /// <summary>
    /// Answers the <see cref="KnownCamera"/> argument's problem, if any, instead of running the handler, and documents
    /// the id as a path parameter (the OpenAPI generator sees only a custom-bound argument).
    /// </summary>
    public static TBuilder ResolvesCamera<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder
            .AddEndpointFilter(async (context, next) =>
                context.Arguments.OfType<KnownCamera>().FirstOrDefault() is { Problem: { } problem } ? problem : await next(context))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                if (!operation.Parameters.Any(p => p.Name == KnownCamera.RouteValue))
                {
                    operation.Parameters.Insert(0, new OpenApiParameter
                    {
                        Name = KnownCamera.RouteValue,
                        In = ParameterLocation.Path,
                        Required = true,
                        Description = "The camera's id: a UUID listed by GET /cameras (400 when malformed, 404 when not listed).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    });
                }

                return Task.CompletedTask;
            });
}
