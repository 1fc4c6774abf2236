namespace Tributary.Simulators;

/// <summary>How the ZoomInfo simulator orders the results of an enrich call (each always echoes its input).</summary>
public enum ZoomInfoResultOrder
{
    /// <summary>One result per input, in input order.</summary>
    InputOrder,

    /// <summary>One result per input, in a fixed order other than the inputs' (when there are two or more).</summary>
    Shuffled,

    /// <summary>As <see cref="Shuffled"/>, with the first input's result left out.</summary>
    ShuffledOneMissing,
}
