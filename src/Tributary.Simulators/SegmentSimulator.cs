using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;
using Tributary.Simulators.Segment;

namespace Tributary.Simulators;

/// <summary>
/// Segment on one base URL: the Tracking API (<c>POST /v1/track</c>, <c>/v1/batch</c> and the other calls, Basic auth
/// with <see cref="WriteKey"/>) recording every accepted message in <see cref="Messages"/>, and the Profile API's
/// traits (<c>GET /v1/spaces/{space}/collections/users/profiles/user_id:{id}/traits</c>, Basic auth with
/// <see cref="AccessToken"/>, space <see cref="SpaceId"/>) over seeded users (<see cref="AdaUserId"/>,
/// <see cref="JaneDoeUserId"/>, <see cref="SensitiveUserId"/>) and those given to <c>SetTraits</c>. Errors use
/// Segment's <c>{"error":{"code","message"}}</c>; 429 carries Retry-After and X-RateLimit-Reset. Being the same spec, it
/// stands in for a RudderStack data plane too.
/// </summary>
public sealed class SegmentSimulator : ProviderSimulator
{
    /// <summary>The reference payload's user: email, tier GOLD, lifetime_value 1234.5, churn_risk false.</summary>
    public const string AdaUserId = "CUST-00042";

    /// <summary>Jane Doe of the sample world, with her email, phone, name, title and company.</summary>
    public const string JaneDoeUserId = "CUST-00001";

    /// <summary>A user whose traits hold an SSN, a card number (in a field and inside free text), an order number and a phone.</summary>
    public const string SensitiveUserId = "CUST-00007";

    private readonly SegmentProfileStore _profiles = SegmentSeed.Create();

    /// <summary>Creates a Segment simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public SegmentSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal SegmentSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("segment", options, dataset, port)
    {
        Log = new SegmentMessageLog(TimeProvider);
        Conventions = new SegmentConventions(TimeProvider);
    }

    /// <summary>The source write key the Tracking API accepts.</summary>
    public string WriteKey => Options.SegmentWriteKey;

    /// <summary>The Profile API access token it accepts.</summary>
    public string AccessToken => Options.SegmentAccessToken;

    /// <summary>The space whose profiles it serves.</summary>
    public string SpaceId => Options.SegmentSpaceId;

    public override IReadOnlyDictionary<string, string> Credentials => new Dictionary<string, string>
    {
        ["writeKey"] = WriteKey,
        ["accessToken"] = AccessToken,
        ["spaceId"] = SpaceId,
    };

    /// <summary>Every accepted message in order of arrival, repeats included (a retried request shows twice).</summary>
    public IReadOnlyList<SegmentMessage> Messages => Log.Messages;

    /// <summary>Accepted messages as Segment counts them: the first of each <c>messageId</c> (messages without one all count).</summary>
    public IReadOnlyList<SegmentMessage> UniqueMessages =>
        [.. Messages.Where(static m => m.MessageId is null).Concat(Messages.Where(static m => m.MessageId is not null)
            .DistinctBy(static m => m.MessageId, StringComparer.Ordinal)).OrderBy(static m => m.ReceivedAt)];

    /// <summary>Messages answered 200 but dropped, as Segment does: no user or anonymous id, a track without an event, a batch over 2,500.</summary>
    public int DroppedMessages => Log.Dropped;

    internal SegmentMessageLog Log { get; }

    internal SegmentProfileStore Profiles => _profiles;

    private protected override IProviderConventions Conventions { get; }

    /// <summary>Sets (replaces) a user's traits; the Profile API pages them in this order.</summary>
    public void SetTraits(string userId, JsonObject traits)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(traits);
        _profiles.Set(userId, traits);
    }

    /// <summary>Sets (replaces) a user's traits, all strings.</summary>
    public void SetTraits(string userId, IReadOnlyDictionary<string, string> traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        var json = new JsonObject();
        foreach (var (name, value) in traits)
        {
            json[name] = value;
        }

        SetTraits(userId, json);
    }

    /// <summary>Removes a user: the Profile API answers 404 for it.</summary>
    public bool RemoveUser(string userId) => _profiles.Remove(userId);

    /// <summary>Forgets every recorded message and the dropped count.</summary>
    public void ClearMessages() => Log.Clear();

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        new SegmentTrackingEndpoints(this).Map(endpoints);
        new SegmentProfileEndpoints(this).Map(endpoints);
    }
}
