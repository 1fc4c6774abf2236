using System.Text;
using System.Text.Json;
using Tributary.Connectors.PeopleDataLabs;

namespace Tributary.Core.Tests.Connectors;

/// <summary>
/// A person with a long career makes an answer past the serializer's first 16 KB buffer; a plan-gated field (a
/// boolean where text is expected) read from a partial buffer must still read as absent, not fail the record.
/// </summary>
public sealed class PeopleDataLabsLargeAnswerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(120)]
    public async Task APersonAnswer_LongerThanTheFirstBuffer_IsRead_WithItsPlanGatedFieldsAbsent(int jobs)
    {
        var body = Encoding.UTF8.GetBytes(PersonAnswer(jobs));

        var answer = await JsonSerializer.DeserializeAsync(new TrickleStream(body, 1024), PeopleDataLabsJsonContext.Default.PdlPersonResponse);

        (jobs == 1 || body.Length > 32 * 1024).ShouldBeTrue();
        answer!.Data!.FullName.ShouldBe("sean thorne");
        answer.Data.MobilePhone.ShouldBeNull();
        answer.Data.WorkEmail.ShouldBeNull();
        answer.Data.PhoneNumbers.ShouldBeNull();
        answer.Data.JobTitleLevels.ShouldBe(["cxo"]);
        answer.Data.JobCompanyName.ShouldBe("people data labs");
    }

    [Fact]
    public async Task ABulkAnswer_OfManyLargePeople_IsRead()
    {
        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 40).Select(i => PersonAnswer(10).Replace("\"status\":200", $"\"status\":200,\"metadata\":{{\"index\":{i}}}", StringComparison.Ordinal))) + "]");

        var answers = await JsonSerializer.DeserializeAsync(new TrickleStream(body, 4096), PeopleDataLabsJsonContext.Default.IReadOnlyListPdlPersonResponse);

        answers!.Count.ShouldBe(40);
        answers.Select(a => a.Metadata!.Index).ShouldBe(Enumerable.Range(0, 40).Select(i => (int?)i));
        answers.ShouldAllBe(a => a.Data!.FullName == "sean thorne");
    }

    private static string PersonAnswer(int jobs)
    {
        var job = """{"company":{"name":"people data labs","size":"51-200","founded":2015,"location":{"name":"san francisco, california, united states","locality":"san francisco"}},"title":{"name":"co-founder and chief executive officer","role":"operations","levels":["cxo","owner"]},"start_date":"2015-03","end_date":null,"is_primary":true}""";
        return $$$"""
            {"status":200,"likelihood":9,"data":{"full_name":"sean thorne","experience":[{{{string.Join(",", Enumerable.Repeat(job, jobs))}}}],
             "mobile_phone":true,"work_email":true,"phone_numbers":true,"job_title_levels":["cxo"],"job_company_name":"people data labs"}}
            """;
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a socket does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
