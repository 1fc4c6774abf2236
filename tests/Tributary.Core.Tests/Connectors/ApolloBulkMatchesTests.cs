using Tributary.Connectors.Apollo;
using Tributary.Identifiers;

namespace Tributary.Tests.Connectors;

/// <summary>How a bulk_match answer's people are paired with the rows asked: never a person on another row.</summary>
public sealed class ApolloBulkMatchesTests
{
    private static readonly IdentifierSet Jane = new() { Email = "jane@acme.com", Domain = "acme.com" };
    private static readonly IdentifierSet Omar = new() { Email = "omar@globex.com", Domain = "globex.com" };
    private static readonly IdentifierSet Nobody = new() { Email = "nobody@initech.com", Domain = "initech.com" };

    private static ApolloPerson Person(string name, string? email = null, string? linkedIn = null, string? domain = null, string? company = null) =>
        new(null, null, null, name, linkedIn, null, "verified", null, email, null, null, null,
            domain is null && company is null ? null : new ApolloOrganization(null, company, null, null, domain, null, null, null, null, null, null, null, null, null, null, null),
            null, null);

    [Fact]
    public void WhenTheAnswerLinesUp_EntriesAreTakenByPosition_AndANullIsANoMatch()
    {
        var answers = ApolloBulkMatches.Attribute([Jane, Nobody, Omar], [Person("Jane Doe", "jane@acme.com"), null, Person("Omar Ali", "email_not_unlocked@globex.com")]);

        answers.Select(a => (a.Answered, a.Person?.Name)).ShouldBe([(true, "Jane Doe"), (true, null), (true, "Omar Ali")]);
    }

    [Fact]
    public void WhenEntriesAreLeftOut_EachRowTakesThePersonItsEmailConfirms_AndNoNullIsTrusted()
    {
        var answers = ApolloBulkMatches.Attribute([Jane, Nobody, Omar], [Person("Jane Doe", "jane@acme.com"), Person("Omar Ali", "omar@globex.com")]);

        answers.Select(a => (a.Answered, a.Person?.Name)).ShouldBe([(true, "Jane Doe"), (false, null), (true, "Omar Ali")]);
    }

    [Fact]
    public void WhenEntriesAreReordered_EachRowTakesItsOwnPerson()
    {
        var answers = ApolloBulkMatches.Attribute([Jane, Omar, Nobody], [Person("Omar Ali", "omar@globex.com"), null, Person("Jane Doe", "jane@acme.com")]);

        answers.Select(a => (a.Answered, a.Person?.Name)).ShouldBe([(true, "Jane Doe"), (true, "Omar Ali"), (false, null)]);
    }

    [Fact]
    public void APersonContradictedByItsRow_IsNeverGivenToIt()
    {
        var answers = ApolloBulkMatches.Attribute([Jane, Omar], [Person("Jane Doe", "jane@acme.com"), Person("Someone Else", "someone@globex.com")]);

        answers[0].Answered.ShouldBeTrue();
        answers[0].Person!.Name.ShouldBe("Jane Doe");
        answers[1].Answered.ShouldBeFalse();
    }

    [Fact]
    public void APersonWithALockedEmail_IsToldApartByLinkedIn_OrByNameAtTheSameDomain()
    {
        IdentifierSet byLinkedIn = new() { LinkedInUrl = "https://linkedin.com/in/janedoe" };
        IdentifierSet byName = new() { FullName = "Omar  Ali", Company = "Globex", Domain = "globex.com" };
        IdentifierSet namesake = new() { FullName = "Omar Ali", Domain = "initech.com" };

        var answers = ApolloBulkMatches.Attribute(
            [byLinkedIn, byName, namesake],
            [Person("Omar Ali", "email_not_unlocked@globex.com", domain: "globex.com"), Person("Jane Doe", "email_not_unlocked@acme.com", "http://www.linkedin.com/in/janedoe")]);

        answers.Select(a => (a.Answered, a.Person?.Name)).ShouldBe([(true, "Jane Doe"), (true, "Omar Ali"), (false, null)]);
    }

    [Fact]
    public void ARowTwoDifferentPeopleConfirm_IsLeftUnanswered()
    {
        IdentifierSet byName = new() { FullName = "Omar Ali", Company = "Globex" };

        var answers = ApolloBulkMatches.Attribute([byName, Jane], [Person("Omar Ali", company: "Globex"), Person("Omar Ali", company: "globex")]);

        answers.ShouldAllBe(a => !a.Answered);
    }

    [Fact]
    public void OneRowWithOneEntry_IsThatRowsAnswer()
    {
        var answers = ApolloBulkMatches.Attribute([Jane], [Person("Jane Doe", "jane.doe@acme.com")]);

        answers.ShouldHaveSingleItem().Person!.Name.ShouldBe("Jane Doe");
    }
}
