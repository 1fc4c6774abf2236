using Tributary.Host.Queues;

namespace Tributary.Host.ContactCenter;

/// <summary>A caller event was just stored: the IVR's attributes should not wait for a poll.</summary>
internal sealed class ContactCenterWakeup : WorkSignal;
