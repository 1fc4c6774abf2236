using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Genesys;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators;

/// <summary>
/// Genesys Cloud on one base URL (use it as both <c>Genesys:BaseUrl</c> and <c>Genesys:LoginUrl</c>): the
/// client-credentials login (<c>POST /oauth/token</c>, Basic <see cref="ClientId"/>:<see cref="ClientSecret"/>), the
/// participant-attributes PATCH (keys merged, string values only, 404 for a conversation it does not know unless
/// <see cref="AcceptAnyConversation"/>), and External Contacts search, create and update, in memory. Every answer has
/// <c>inin-ratelimit-*</c> headers (300 a minute, enforced under <see cref="SimulatorFaults.PerMinuteLimit"/>).
/// Every write is recorded (<see cref="AttributeWrites"/>, <see cref="ExternalContactWrites"/>), and so is every
/// token request (<see cref="TokenRequests"/>). Genesys's own faults: <see cref="SimulatorFaults.ConversationNotFound"/>,
/// <see cref="SimulatorFaults.TokenExpired"/>, <see cref="SimulatorFaults.TokenRevoked"/>, a failing conversation
/// (<see cref="FailConversation"/>) and one API throttled while the others answer (<see cref="ThrottleAttributes"/>,
/// <see cref="ThrottleExternalContacts"/>); the shared ones (latency,
/// 429 with Retry-After, a failure status, malformed JSON, connection reset) apply to the login too.
/// </summary>
public sealed class GenesysSimulator : ProviderSimulator
{
    /// <summary>The conversation of payloads/genesys-eventbridge-customer-start.json, known from the start.</summary>
    public const string SampleConversationId = "0d1f6a3c-7c2b-4f4e-9b1a-5e6f7a8b9c0d";

    /// <summary>The customer participant of <see cref="SampleConversationId"/>.</summary>
    public const string SampleParticipantId = "3b0f9c1e-2d4a-4b5c-8e7f-6a5b4c3d2e1f";

    private readonly Lock _lock = new();
    private readonly List<GenesysAttributeWrite> _attributeWrites = [];

    /// <summary>Creates a Genesys simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public GenesysSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal GenesysSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("genesys", options, dataset, port)
    {
        Tokens = new GenesysTokens(TimeProvider);
        Contacts = new GenesysContacts(TimeProvider);
        Conversations.Add(SampleConversationId, SampleParticipantId);
    }

    /// <summary>The OAuth client id the login accepts.</summary>
    public string ClientId => Options.GenesysClientId;

    /// <summary>The OAuth client secret the login accepts.</summary>
    public string ClientSecret => Options.GenesysClientSecret;

    public override IReadOnlyDictionary<string, string> Credentials =>
        new Dictionary<string, string> { ["clientId"] = ClientId, ["clientSecret"] = ClientSecret };

    /// <summary>Accept attribute writes for any conversation and participant (creating them), as the sandbox does. Default false: 404 for unknown ones.</summary>
    public bool AcceptAnyConversation
    {
        get => Conversations.AcceptAny;
        set => Conversations.AcceptAny = value;
    }

    /// <summary>Token requests received, granted or refused.</summary>
    public long TokenRequests => Tokens.Requests;

    /// <summary>Every participant-attributes PATCH that reached the endpoint with a valid token, in order of arrival.</summary>
    public IReadOnlyList<GenesysAttributeWrite> AttributeWrites
    {
        get
        {
            lock (_lock)
            {
                return [.. _attributeWrites];
            }
        }
    }

    /// <summary>Every External Contacts create and update that reached the endpoint with a valid token, in order of arrival.</summary>
    public IReadOnlyList<GenesysContactWrite> ExternalContactWrites => Contacts.Writes;

    /// <summary>External contacts held now.</summary>
    public int ExternalContactCount => Contacts.Count;

    internal GenesysTokens Tokens { get; }

    internal GenesysConversations Conversations { get; } = new();

    internal GenesysContacts Contacts { get; }

    internal GenesysApiThrottles Throttles { get; } = new();

    private protected override IProviderConventions Conventions { get; } = new GenesysConventions();

    /// <summary>Makes a live conversation with one customer participant known, so attribute writes to it succeed.</summary>
    public void AddConversation(string conversationId, string participantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(participantId);
        Conversations.Add(conversationId, participantId);
    }

    /// <summary>
    /// Every participant-attributes PATCH to this conversation answers <paramref name="status"/> (e.g. 503) with
    /// Genesys's error body, while others are written; null makes it answer normally again.
    /// </summary>
    public void FailConversation(string conversationId, int? status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        if (status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A failure status is 400–599.");
        }

        Conversations.Fail(conversationId, status);
    }

    /// <summary>
    /// Every participant-attributes PATCH answers 429 <c>too.many.requests</c> with Retry-After
    /// <paramref name="retryAfterSeconds"/> while External Contacts still answer, as when Genesys limits that API alone;
    /// null makes it answer normally again.
    /// </summary>
    public void ThrottleAttributes(int? retryAfterSeconds) => Throttles.Attributes = retryAfterSeconds;

    /// <summary>
    /// Every External Contacts call (search, create, get, update) answers 429 <c>too.many.requests</c> with Retry-After
    /// <paramref name="retryAfterSeconds"/> while participant attributes are still written; null ends it.
    /// </summary>
    public void ThrottleExternalContacts(int? retryAfterSeconds) => Throttles.ExternalContacts = retryAfterSeconds;

    /// <summary>Stores an External Contact (its JSON as the API takes it) as if written earlier; returns its id. Not recorded as a write.</summary>
    public string AddExternalContact(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var contact = JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("An external contact is a JSON object.", nameof(json));
        return Contacts.Create(contact)["id"]!.GetValue<string>();
    }

    /// <summary>The participant's attributes now (merged from every accepted PATCH), or null when unknown.</summary>
    public IReadOnlyDictionary<string, string>? GetAttributes(string conversationId, string participantId) =>
        Conversations.Get(conversationId)?.GetValueOrDefault(participantId);

    /// <summary>Every token issued so far expires now: the next API call with one answers 401.</summary>
    public void ExpireTokens() => Tokens.ExpireAll();

    /// <summary>Clears the recorded writes (not the conversations or contacts).</summary>
    public void ClearWrites()
    {
        lock (_lock)
        {
            _attributeWrites.Clear();
        }

        Contacts.ClearWrites();
    }

    internal void RecordAttributes(GenesysAttributeWrite write)
    {
        lock (_lock)
        {
            _attributeWrites.Add(write);
        }
    }

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints) => new GenesysEndpoints(this).Map(endpoints);
}
