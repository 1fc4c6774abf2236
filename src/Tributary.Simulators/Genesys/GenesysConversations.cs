namespace Tributary.Simulators.Genesys;

/// <summary>
/// The live conversations the simulated org knows and each participant's attributes. A PATCH merges keys, as Genesys
/// does; with <see cref="AcceptAny"/>, a conversation or participant first named by a PATCH is created by it.
/// </summary>
internal sealed class GenesysConversations
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _conversations = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, int> _failing = new(StringComparer.OrdinalIgnoreCase);

    public bool AcceptAny { get; set; }

    /// <summary>Makes every PATCH to this conversation answer <paramref name="status"/>; null ends it.</summary>
    public void Fail(string conversationId, int? status)
    {
        lock (_lock)
        {
            if (status is { } failure)
            {
                _failing[conversationId] = failure;
            }
            else
            {
                _failing.Remove(conversationId);
            }
        }
    }

    /// <summary>The status a PATCH to this conversation is failed with, if it is.</summary>
    public int? FailureOf(string conversationId)
    {
        lock (_lock)
        {
            return _failing.TryGetValue(conversationId, out var status) ? status : null;
        }
    }

    public void Add(string conversationId, string participantId)
    {
        lock (_lock)
        {
            Participants(conversationId, create: true)!.TryAdd(participantId, new Dictionary<string, string>(StringComparer.Ordinal));
        }
    }

    /// <summary>Merges <paramref name="attributes"/> into the participant's; false when the conversation or participant is unknown.</summary>
    public bool Merge(string conversationId, string participantId, IReadOnlyDictionary<string, string> attributes)
    {
        lock (_lock)
        {
            var participants = Participants(conversationId, AcceptAny);
            if (participants is null)
            {
                return false;
            }

            if (!participants.TryGetValue(participantId, out var current))
            {
                if (!AcceptAny)
                {
                    return false;
                }

                participants[participantId] = current = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var (key, value) in attributes)
            {
                current[key] = value;
            }

            return true;
        }
    }

    /// <summary>Whether a PATCH to this conversation would be accepted (the participant aside).</summary>
    public bool Knows(string conversationId)
    {
        lock (_lock)
        {
            return AcceptAny || _conversations.ContainsKey(conversationId);
        }
    }

    /// <summary>A copy of every participant's attributes, or null for an unknown conversation.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Get(string conversationId)
    {
        lock (_lock)
        {
            return _conversations.TryGetValue(conversationId, out var participants)
                ? participants.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(p.Value, StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase)
                : null;
        }
    }

    private Dictionary<string, Dictionary<string, string>>? Participants(string conversationId, bool create)
    {
        if (_conversations.TryGetValue(conversationId, out var participants))
        {
            return participants;
        }

        if (!create)
        {
            return null;
        }

        return _conversations[conversationId] = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
    }
}
