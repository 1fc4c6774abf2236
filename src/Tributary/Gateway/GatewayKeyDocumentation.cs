using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tributary.Host.Gateway;

/// <summary>
/// What the OpenAPI document says of the <c>/v1</c> API's keys and problems, so a generated client sends the key and
/// reads every member a problem carries: the two ways to present a gateway key (<c>Gateway:ApiKeys</c>) on every
/// <c>/v1</c> operation, and the request id and field at fault on the problem schema.
/// </summary>
internal static class GatewayKeyDocumentation
{
    private const string Bearer = "gatewayKeyBearer";
    private const string Header = "gatewayKeyHeader";

    public static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A gateway key (Gateway:ApiKeys) as 'Authorization: Bearer <key>'. Without Gateway:ApiKeys no key is asked for.",
        };
        document.Components.SecuritySchemes[Header] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A gateway key (Gateway:ApiKeys) as 'X-Api-Key: <key>'.",
        };
        return Task.CompletedTask;
    }

    /// <summary>Either scheme is enough on a <c>/v1</c> operation.</summary>
    public static Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Header, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }

    /// <summary>The members every problem of this gateway adds to RFC 9457's.</summary>
    public static Task TransformSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(ProblemDetails) || context.JsonTypeInfo.Type == typeof(HttpValidationProblemDetails))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            schema.Properties["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's id (its trace id), as traces and log lines carry it." };
            schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "ASP.NET Core's W3C trace context of the request." };
            schema.Properties["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "For bad input: the member, parameter or path at fault." };
        }

        return Task.CompletedTask;
    }
}
