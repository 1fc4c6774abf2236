namespace Tributary.Host.Identity;

/// <summary>One normalised identifier from a request: email lower-cased, phone in E.164, ids trimmed.</summary>
internal readonly record struct Identifier(string Type, string Value);
