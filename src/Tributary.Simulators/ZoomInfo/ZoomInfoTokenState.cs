namespace Tributary.Simulators.ZoomInfo;

internal enum ZoomInfoTokenState
{
    Valid,
    Missing,
    Invalid,
    Expired,
}
