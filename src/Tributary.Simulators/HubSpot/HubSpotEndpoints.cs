using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.HubSpot;

/// <summary>
/// CRM v3 contact batches: <c>POST /crm/v3/objects/contacts/batch/read</c> and <c>/batch/update</c>, at most 100
/// inputs each, behind a private-app Bearer token. Missing records and refused updates answer 207 with one error per
/// category naming the ids in <c>context.ids</c>; the rest of the batch is answered (and written) as usual. Faults add
/// reads failed with <c>INTERNAL_ERROR</c> and contacts an answer leaves out of both lists.
/// </summary>
internal sealed class HubSpotEndpoints(HubSpotSimulator simulator)
{
    public const int MaxInputs = 100;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var batch = endpoints.MapGroup("/crm/v3/objects/contacts/batch");
        batch.MapPost("/read", context => Guarded(context, ReadAsync));
        batch.MapPost("/update", context => Guarded(context, UpdateAsync));
    }

    /// <summary>The token, the daily limit and the ten-secondly window, in that order, before any work.</summary>
    private Task Guarded(HttpContext context, Func<HttpContext, Task> handler)
    {
        var settings = FaultSettings.For(context);
        if (settings.TokenRevoked || AuthorizationHeader.Bearer(context.Request) != simulator.AccessToken)
        {
            return HubSpotErrors.UnauthorizedAsync(context);
        }

        if (settings.DailyLimitReached)
        {
            return HubSpotErrors.DailyAsync(context);
        }

        if (HubSpotConventions.WindowOf(context) is { Allowed: false } window)
        {
            return HubSpotErrors.TenSecondlyAsync(context, window.SecondsUntilReset);
        }

        return handler(context);
    }

    private async Task ReadAsync(HttpContext context)
    {
        using var body = await HubSpotRequests.ReadAsync(context);
        if (body is null)
        {
            await HubSpotErrors.ValidationAsync(context, "Invalid input JSON: expected an object with an inputs array.");
            return;
        }

        var request = HubSpotRequests.Read(body.RootElement);
        if (request.Ids.Count > MaxInputs)
        {
            await HubSpotErrors.ValidationAsync(context, $"Batch input can contain at most {MaxInputs} inputs, but {request.Ids.Count} were provided.");
            return;
        }

        var store = simulator.Store;
        var byEmail = string.Equals(request.IdProperty, "email", StringComparison.Ordinal);
        var settings = FaultSettings.For(context);
        var (errorIds, omitIds) = (settings.ReadErrorIds ?? [], settings.ReadOmitIds ?? []);
        var failed = request.Ids.Where(id => errorIds.Contains(id, StringComparer.Ordinal) && !omitIds.Contains(id, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var (found, missing) = store.Locked(contacts =>
        {
            var found = new List<HubSpotContact>();
            var missing = new List<string>();
            foreach (var id in request.Ids.Where(id => !errorIds.Contains(id, StringComparer.Ordinal) && !omitIds.Contains(id, StringComparer.Ordinal)))
            {
                var contact = byEmail
                    ? contacts.Values.FirstOrDefault(c => string.Equals(c.Value("email"), id, StringComparison.OrdinalIgnoreCase))
                    : contacts.GetValueOrDefault(id);
                if (contact is null)
                {
                    missing.Add(id);
                }
                else if (!found.Contains(contact))
                {
                    found.Add(contact);
                }
            }

            return (found, missing);
        });

        var errors = new List<HubSpotBatchError>();
        if (missing.Count > 0)
        {
            errors.Add(new("OBJECT_NOT_FOUND", "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.", missing));
        }

        if (failed.Count > 0)
        {
            errors.Add(new("INTERNAL_ERROR", "Temporary failure reading some CONTACT objects. Please try again.", failed));
        }

        var answer = new HubSpotBatchAnswer(found, errors, store.Time.GetUtcNow());
        await JsonResponse.WriteAsync(context, errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status207MultiStatus, (answer, request, store),
            static (writer, state) => state.store.Locked(_ => HubSpotContactJson.WriteBatch(writer, state.answer, state.request.Properties, state.request.PropertiesWithHistory)));
    }

    private async Task UpdateAsync(HttpContext context)
    {
        using var body = await HubSpotRequests.ReadAsync(context);
        if (body is null)
        {
            await HubSpotErrors.ValidationAsync(context, "Invalid input JSON: expected an object with an inputs array.");
            return;
        }

        var request = HubSpotRequests.Update(body.RootElement);
        var store = simulator.Store;
        var now = store.Time.GetUtcNow();
        store.RecordWrite(new HubSpotBatchWrite(now, request.Inputs));
        if (request.Inputs.Count > MaxInputs)
        {
            await HubSpotErrors.ValidationAsync(context, $"Batch input can contain at most {MaxInputs} inputs, but {request.Inputs.Count} were provided.");
            return;
        }

        if (request.Inputs.GroupBy(static i => i.Id).FirstOrDefault(static g => g.Count() > 1) is { } duplicate)
        {
            await HubSpotErrors.ValidationAsync(context, $"Duplicate IDs found in batch input: [{duplicate.Key}]. IDs must be unique");
            return;
        }

        var settings = FaultSettings.For(context);
        var (failIds, omitIds) = (settings.FailIds ?? [], settings.UpdateOmitIds ?? []);
        var answer = store.Locked(contacts => Apply(contacts, request, failIds, omitIds, now));
        await JsonResponse.WriteAsync(context, answer.Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status207MultiStatus, (answer, request, store),
            static (writer, state) => state.store.Locked(_ => HubSpotContactJson.WriteBatch(writer, state.answer, UpdatedProperties(state.request), [])));
    }

    private static HubSpotBatchAnswer Apply(
        IReadOnlyDictionary<string, HubSpotContact> contacts, HubSpotUpdateRequest request, IReadOnlyList<string> failIds, IReadOnlyList<string> omitIds, DateTimeOffset now)
    {
        var (conflicts, notFound, invalid, invalidProperties) = (new List<string>(), new List<string>(), new List<string>(), new SortedSet<string>(StringComparer.Ordinal));
        var written = new List<HubSpotContact>();
        foreach (var input in request.Inputs.Where(i => !omitIds.Contains(i.Id, StringComparer.Ordinal)))
        {
            var bad = input.Properties.Keys.Where(static p => !HubSpotContactStore.WritableProperties.Contains(p)).ToList();
            if (failIds.Contains(input.Id, StringComparer.Ordinal))
            {
                conflicts.Add(input.Id);
            }
            else if (!contacts.TryGetValue(input.Id, out var contact))
            {
                notFound.Add(input.Id);
            }
            else if (bad.Count > 0)
            {
                invalid.Add(input.Id);
                invalidProperties.UnionWith(bad);
            }
            else
            {
                foreach (var (property, value) in input.Properties)
                {
                    contact.Set(property, value, now, "INTEGRATION", HubSpotContactStore.SourceIdOf("INTEGRATION"));
                }

                written.Add(contact);
            }
        }

        var errors = new List<HubSpotBatchError>();
        if (invalid.Count > 0)
        {
            var names = string.Join(", ", invalidProperties.Select(static p => $"\"{p}\""));
            errors.Add(new("VALIDATION_ERROR", $"Property values were not valid: {names} does not exist", invalid, [.. invalidProperties]));
        }

        if (notFound.Count > 0)
        {
            errors.Add(new("OBJECT_NOT_FOUND", "Could not find some CONTACT objects, they may be deleted or not exist. Check that ids are valid.", notFound));
        }

        if (conflicts.Count > 0)
        {
            errors.Add(new("CONFLICT", "The record was modified concurrently; try again.", conflicts));
        }

        return new HubSpotBatchAnswer(written, errors, now);
    }

    private static List<string> UpdatedProperties(HubSpotUpdateRequest request) =>
        [.. request.Inputs.SelectMany(static i => i.Properties.Keys).Distinct(StringComparer.Ordinal)];
}
