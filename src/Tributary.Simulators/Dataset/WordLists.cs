namespace Tributary.Simulators.Dataset;

/// <summary>The vocabulary the sample world is generated from. Changing a list changes every generated record.</summary>
internal static class WordLists
{
    public static readonly IReadOnlyList<string> CompanyAdjectives =
    [
        "Blue", "Red", "Green", "Silver", "Golden", "Bright", "Swift", "Quiet", "Bold", "Clear",
        "North", "South", "East", "West", "High", "Deep", "Open", "True", "Prime", "Rapid",
        "Iron", "Stone", "Cedar", "Maple", "Summit", "Coastal", "Urban", "Lunar", "Solar", "Polar",
        "Crimson", "Amber", "Copper", "Granite", "Velvet", "Harbor", "Pioneer", "Vivid", "Noble", "Crystal",
    ];

    public static readonly IReadOnlyList<string> CompanyNouns =
    [
        "Harbor", "River", "Peak", "Ridge", "Field", "Forge", "Bridge", "Beacon", "Canyon", "Meadow",
        "Falcon", "Otter", "Fox", "Heron", "Lynx", "Raven", "Wolf", "Bear", "Hawk", "Orca",
        "Signal", "Vector", "Pixel", "Circuit", "Matrix", "Quartz", "Orbit", "Nimbus", "Comet", "Atlas",
        "Grove", "Harvest", "Anchor", "Compass", "Lantern", "Arrow", "Summit", "Cove", "Delta", "Spring",
    ];

    public static readonly IReadOnlyList<string> CompanySuffixes =
    [
        "Systems", "Labs", "Technologies", "Group", "Partners", "Networks", "Analytics", "Software",
        "Logistics", "Health", "Capital", "Media", "Dynamics", "Works", "Solutions", "Industries",
    ];

    public static readonly IReadOnlyList<string> TopLevelDomains = ["com", "io", "co", "com", "ai", "net", "com", "io"];

    public static readonly IReadOnlyList<string> FemaleFirstNames =
    [
        "Olivia", "Emma", "Ava", "Sophia", "Isabella", "Mia", "Amelia", "Harper", "Evelyn", "Abigail",
        "Emily", "Ella", "Elizabeth", "Camila", "Luna", "Sofia", "Avery", "Mila", "Aria", "Scarlett",
        "Penelope", "Layla", "Chloe", "Victoria", "Madison", "Eleanor", "Grace", "Nora", "Riley", "Zoey",
        "Hannah", "Hazel", "Lily", "Ellie", "Violet", "Lillian", "Zoe", "Stella", "Aurora", "Natalie",
        "Priya", "Aisha", "Mei", "Yuki", "Ingrid", "Chiara", "Lucia", "Amara", "Freya", "Noor",
    ];

    public static readonly IReadOnlyList<string> MaleFirstNames =
    [
        "Liam", "Noah", "Oliver", "Elijah", "James", "William", "Benjamin", "Lucas", "Henry", "Theodore",
        "Jack", "Levi", "Alexander", "Jackson", "Mateo", "Daniel", "Michael", "Mason", "Sebastian", "Ethan",
        "Logan", "Owen", "Samuel", "Jacob", "Asher", "Aiden", "John", "Joseph", "Wyatt", "David",
        "Leo", "Luke", "Julian", "Hudson", "Grayson", "Matthew", "Ezra", "Gabriel", "Carter", "Isaac",
        "Arjun", "Omar", "Wei", "Kenji", "Lars", "Marco", "Diego", "Kwame", "Felix", "Rafael",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Patel", "Shah", "Kim", "Chen", "Wang", "Singh", "Kumar", "Tanaka", "Sato", "Muller",
        "Schmidt", "Fischer", "Weber", "Rossi", "Russo", "Bianchi", "Dubois", "Moreau", "Laurent", "Jansen",
        "Visser", "Andersson", "Johansson", "Larsen", "Nielsen", "Murphy", "Kelly", "OBrien", "Walsh", "Byrne",
        "Okafor", "Mensah", "Ali", "Hassan", "Cohen", "Levi", "Novak", "Kowalski", "Silva", "Santos",
        "Costa", "Ferreira", "Reyes", "Cruz", "Morales", "Ortiz", "Gutierrez", "Chavez", "Ramos", "Vargas",
    ];

    public static readonly IReadOnlyList<string> StreetNames =
    [
        "Market Street", "Main Street", "Mission Street", "Broadway", "Park Avenue", "Oak Street",
        "Pine Street", "Elm Street", "Harbor Way", "Lake Drive", "Hill Road", "River Road",
    ];

    /// <summary>Technology keys (Clearbit's style) with the category Clearbit reports for each.</summary>
    public static readonly IReadOnlyList<(string Key, string Category)> Technologies =
    [
        ("salesforce", "crm"), ("hubspot", "marketing_automation"), ("aws", "cloud_computing"),
        ("google_apps", "productivity"), ("slack", "communications"), ("zendesk", "customer_support"),
        ("marketo", "marketing_automation"), ("stripe", "payment"), ("shopify", "ecommerce"),
        ("segment", "analytics"), ("snowflake", "data_management"), ("datadog", "monitoring"),
        ("okta", "security"), ("jira", "project_management"), ("github", "development"),
        ("intercom", "customer_support"), ("gcp", "cloud_computing"), ("azure", "cloud_computing"),
        ("workday", "human_capital_management"), ("netsuite", "accounting_and_finance"),
    ];

    public static readonly IReadOnlyList<string> TechnologyKeys = [.. Technologies.Select(static t => t.Key)];

    public static readonly IReadOnlyList<string> IntentTopics =
    [
        "data enrichment", "crm integration", "sales intelligence", "cloud security", "marketing automation",
        "customer data platform", "revenue operations", "identity resolution", "data warehouse", "lead scoring",
        "account based marketing", "product analytics", "contact center", "workforce management",
    ];
}
