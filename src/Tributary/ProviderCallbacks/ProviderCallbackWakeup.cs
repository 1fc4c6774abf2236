using Tributary.Host.Queues;

namespace Tributary.Host.ProviderCallbacks;

/// <summary>A provider callback was just stored: its answer should not wait for a poll to become the lookup's.</summary>
internal sealed class ProviderCallbackWakeup : WorkSignal;
