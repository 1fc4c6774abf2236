namespace Tributary.Simulators.Dataset;

internal static class Industries
{
    public static readonly IndustryProfile Software = new("Software", "Information Technology", "Software & Services",
        "Internet Software & Services", "73", "7372", "54", "541511", "computer software", ["Technology", "SAAS", "B2B"]);

    public static readonly IReadOnlyList<IndustryProfile> All =
    [
        Software,
        new("Cybersecurity", "Information Technology", "Software & Services", "IT Services",
            "73", "7373", "54", "541512", "computer & network security", ["Technology", "Security", "B2B"]),
        new("Financial Services", "Financials", "Diversified Financials", "Diversified Financial Services",
            "62", "6211", "52", "523110", "financial services", ["Finance", "B2B"]),
        new("Healthcare", "Health Care", "Health Care Equipment & Services", "Health Care Providers & Services",
            "80", "8062", "62", "622110", "hospital & health care", ["Health Care", "B2C"]),
        new("Manufacturing", "Industrials", "Capital Goods", "Machinery",
            "35", "3569", "33", "333999", "machinery", ["Manufacturing", "B2B"]),
        new("Retail", "Consumer Discretionary", "Retailing", "Internet & Catalog Retail",
            "59", "5961", "45", "454110", "retail", ["E-commerce", "B2C"]),
        new("Logistics", "Industrials", "Transportation", "Air Freight & Logistics",
            "42", "4731", "48", "488510", "logistics & supply chain", ["Logistics", "B2B"]),
        new("Media", "Communication Services", "Media & Entertainment", "Media",
            "78", "7812", "51", "512110", "media production", ["Media", "B2C"]),
        new("Education", "Consumer Discretionary", "Consumer Services", "Education Services",
            "82", "8299", "61", "611710", "education management", ["Education", "B2C"]),
        new("Telecommunications", "Communication Services", "Telecommunication Services", "Diversified Telecommunication Services",
            "48", "4813", "51", "517311", "telecommunications", ["Telecommunications", "B2B"]),
        new("Energy", "Energy", "Energy", "Oil, Gas & Consumable Fuels",
            "13", "1311", "21", "211120", "oil & energy", ["Energy", "B2B"]),
        new("Real Estate", "Real Estate", "Real Estate", "Real Estate Management & Development",
            "65", "6531", "53", "531210", "real estate", ["Real Estate", "B2C"]),
        new("Consulting", "Industrials", "Commercial & Professional Services", "Professional Services",
            "87", "8742", "54", "541611", "management consulting", ["Consulting", "B2B"]),
        new("Biotechnology", "Health Care", "Pharmaceuticals, Biotechnology & Life Sciences", "Biotechnology",
            "28", "2836", "32", "325414", "biotechnology", ["Biotechnology", "B2B"]),
    ];
}
