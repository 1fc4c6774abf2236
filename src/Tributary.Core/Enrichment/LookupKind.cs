namespace Tributary.Enrichment;

/// <summary>What is being looked up: a person (with their company) or a company alone.</summary>
public enum LookupKind
{
    Person,
    Company,
}
