namespace Tributary.Host.Webhooks;

/// <summary>
/// <c>/webhooks/*</c>: not behind the gateway keys (each sender proves itself with its own signature), acknowledged
/// as soon as the event is stored.
/// </summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/hubspot", HubSpotWebhook.ReceiveAsync)
            .WithName("HubSpotWebhook")
            .WithSummary("HubSpot contact events (v3 signature)")
            .WithDescription("A JSON array of HubSpot events, signed with X-HubSpot-Signature-v3 over POST + the URI HubSpot called (HubSpot:WebhookUrl, else this request's URL) + the raw body + X-HubSpot-Request-Timestamp (ms, within 5 minutes), keyed with HubSpot:ClientSecret. contact.creation and contact.propertyChange of a trigger property (HubSpot:TriggerProperties, default email) stage the contact. 202 when stored; 200 {\"duplicate\": true} when every event was seen before; 401 when the signature fails; 413 over 1 MB.")
            .ProducesWebhookAnswers()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        webhooks.MapPost("/salesforce", SalesforceWebhook.ReceiveAsync)
            .WithName("SalesforceWebhook")
            .WithSummary("Salesforce change events, relayed and signed")
            .WithDescription("A Change Data Capture event as JSON (the envelope, its bare payload, or an array of either), signed like job callbacks: X-Tributary-Timestamp (Unix seconds, within 5 minutes) and X-Tributary-Signature: sha256=hex(HMAC-SHA256(Salesforce:WebhookSecret, timestamp + \".\" + raw body)). CREATE and UPDATE of Contact or Lead stage each record id; changes whose changeOrigin names Tributary (client=tributary or Salesforce:ClientId) are ignored. Dedup key: transactionKey + record id. 202 when stored; 200 {\"duplicate\": true} when seen before; 401 when the signature fails; 413 over 1 MB.")
            .ProducesWebhookAnswers()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        webhooks.MapPost("/genesys", GenesysWebhook.ReceiveAsync)
            .WithName("GenesysWebhook")
            .WithSummary("Genesys Cloud events (EventBridge envelope, shared secret)")
            .WithDescription("One EventBridge envelope with X-Webhook-Secret equal to Genesys:WebhookSecret. An INBOUND …customer.start is stored and processed in the background: the caller's number (eventBody.ani) is enriched and the conversation's participant attributes are written (Genesys:AttributePrefix, default enrich.). Other topics are acknowledged and ignored. Dedup key: the envelope id. 202 when stored; 200 {\"duplicate\": true} when seen before; 401 for a wrong secret; 413 over 1 MB.")
            .ProducesWebhookAnswers()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        webhooks.MapPost("/providers/{provider}", ProviderWebhook.ReceiveAsync)
            .WithName("ProviderWebhook")
            .WithSummary("A provider's late answer to a queued lookup (202 then callback)")
            .WithDescription("Clearbit (provider clearbit) posts {\"id\", \"type\", \"body\", \"status\"} once a lookup it answered 202 queued is ready, signed with X-Request-Signature: sha1=hex(HMAC-SHA1(Providers:Clearbit:ApiKey without its sk_ prefix, raw body)) (the key as configured is accepted too). The id is the webhook_id the connector sent with the lookup; the record becomes that lookup's answer (status 404: a no-match), so the next /v1/enrich for the subject is served from the cache. A delivery for a lookup this gateway did not make is acknowledged and ignored. Dedup key: the id. 202 when stored; 200 {\"duplicate\": true} when seen before; 400 for a body not in the provider's shape; 401 when the signature fails or the lookup is over 7 days old; 404 for a provider without callbacks; 413 over 1 MB.")
            .ProducesWebhookAnswers()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    /// <summary>What every receiver answers: 202 when stored, 200 for a duplicate, 400 for a body it cannot read, 401 for a failed signature.</summary>
    private static RouteHandlerBuilder ProducesWebhookAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<WebhookAccepted>(StatusCodes.Status202Accepted)
        .Produces<WebhookAccepted>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized);
}
