using Tributary.Identifiers;

namespace Tributary.Connectors.Apollo;

/// <summary>
/// Pairs each row of a <c>bulk_match</c> call with its person. Apollo documents <c>matches</c> in the order of
/// <c>details</c>, null where nobody matched; but a person put on the wrong row would be cached as that row's answer
/// for months, so every person is checked against the identifiers of the row it would answer (<see cref="ApolloIdentity"/>).
/// While the answer lines up — one entry per row, no person contradicted by its row or confirmed by another row
/// instead — entries are taken by position, and a null is that row's no-match. Otherwise each row takes the one
/// person its identifiers confirm, wherever it stands, and a row no person confirms is unanswered: a null then says
/// nothing about which row it was for. As ZoomInfo's and PDL's unanswered rows, it fails this time and is asked again.
/// A call with one row and one entry needs no check: that entry can only be the row's, as people/match's answer is.
/// </summary>
internal static class ApolloBulkMatches
{
    /// <param name="asked">Each row's identifiers, in the order of the request's <c>details</c>.</param>
    /// <param name="matches">The answer's <c>matches</c>.</param>
    /// <returns>One answer per row, in row order.</returns>
    public static ApolloBulkAnswer[] Attribute(IReadOnlyList<IdentifierSet> asked, IReadOnlyList<ApolloPerson?> matches)
    {
        var answers = new ApolloBulkAnswer[asked.Count];
        if (LinesUp(asked, matches))
        {
            for (var row = 0; row < asked.Count; row++)
            {
                answers[row] = new ApolloBulkAnswer(true, matches[row]);
            }

            return answers;
        }

        var people = matches.OfType<ApolloPerson>().ToArray();
        for (var row = 0; row < asked.Count; row++)
        {
            // Two entries for one person (the same person asked twice) are one; two different people confirmed by one
            // row leave it unanswered rather than guessed.
            var confirmed = people.Where(p => ApolloIdentity.Check(asked[row], p) == IdentityCheck.Confirmed)
                .DistinctBy(p => (object?)p.Id ?? p)
                .Take(2)
                .ToArray();
            answers[row] = confirmed.Length == 1 ? new ApolloBulkAnswer(true, confirmed[0]) : default;
        }

        return answers;
    }

    private static bool LinesUp(IReadOnlyList<IdentifierSet> asked, IReadOnlyList<ApolloPerson?> matches)
    {
        if (matches.Count != asked.Count)
        {
            return false;
        }

        if (asked.Count == 1)
        {
            return true;
        }

        for (var position = 0; position < matches.Count; position++)
        {
            if (matches[position] is not { } person)
            {
                continue;
            }

            var own = ApolloIdentity.Check(asked[position], person);
            if (own == IdentityCheck.Contradicted
                || (own != IdentityCheck.Confirmed && Enumerable.Range(0, asked.Count).Any(row => row != position && ApolloIdentity.Check(asked[row], person) == IdentityCheck.Confirmed)))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One row's answer: whether it could be told which entry was its own, and that person (null for no match).</summary>
internal readonly record struct ApolloBulkAnswer(bool Answered, ApolloPerson? Person);
