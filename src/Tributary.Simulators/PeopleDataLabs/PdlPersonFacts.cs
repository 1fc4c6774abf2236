using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>Which optional contact fields PDL has for a person: decided once, used by the record and by <c>required</c>.</summary>
internal readonly record struct PdlPersonFacts(bool WorkEmail, bool MobilePhone, bool PhoneNumbers, bool LinkedIn)
{
    public static PdlPersonFacts For(SamplePerson person)
    {
        var coverage = PeopleDataLabsSimulator.Coverage;
        return new PdlPersonFacts(
            coverage.Fills(person, "work_email", 850),
            coverage.Fills(person, "mobile_phone", 450),
            coverage.Fills(person, "phone_numbers", 700),
            coverage.Fills(person, "linkedin", 950));
    }

    /// <summary>Whether the record has a non-empty value for <paramref name="field"/>, as <c>required</c> tests it.</summary>
    public bool Has(string field) => field switch
    {
        "emails" or "work_email" => WorkEmail,
        "mobile_phone" => MobilePhone,
        "phone_numbers" => PhoneNumbers || MobilePhone,
        "profiles" or "linkedin_url" or "linkedin_username" => LinkedIn,
        "id" or "full_name" or "first_name" or "last_name" or "sex" or "job_title" or "job_title_role" or "job_title_levels"
            or "job_company_name" or "job_company_website" or "job_company_id" or "location_name" or "location_country"
            or "experience" or "industry" or "inferred_salary" or "inferred_years_experience" => true,
        _ => false,
    };
}
