namespace Tributary.Host.Batch;

/// <summary>The identifier a file column can hold.</summary>
internal enum IdentifierColumn
{
    Email,
    Phone,
    Domain,
    Name,
    FirstName,
    LastName,
    Company,
    LinkedIn,
}
