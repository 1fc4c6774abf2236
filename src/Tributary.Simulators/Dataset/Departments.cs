namespace Tributary.Simulators.Dataset;

internal static class Departments
{
    public static readonly DepartmentProfile Engineering = new("engineering", "Engineering",
        ["Chief Technology Officer", "VP of Engineering", "Director of Engineering", "Engineering Manager", "Senior Software Engineer", "Software Engineer"]);

    public static readonly IReadOnlyList<DepartmentProfile> All =
    [
        Engineering,
        new("sales", "Sales",
            ["Chief Revenue Officer", "VP of Sales", "Director of Sales", "Sales Manager", "Senior Account Executive", "Sales Development Representative"]),
        new("marketing", "Marketing",
            ["Chief Marketing Officer", "VP of Marketing", "Director of Marketing", "Marketing Manager", "Senior Marketing Specialist", "Marketing Coordinator"]),
        new("finance", "Finance",
            ["Chief Financial Officer", "VP of Finance", "Director of Finance", "Finance Manager", "Senior Financial Analyst", "Accountant"]),
        new("operations", "Operations",
            ["Chief Operating Officer", "VP of Operations", "Director of Operations", "Operations Manager", "Senior Operations Analyst", "Operations Associate"]),
        new("hr", "Human Resources",
            ["Chief People Officer", "VP of People", "Director of Human Resources", "HR Manager", "Senior HR Business Partner", "Recruiter"]),
        new("it", "Information Technology",
            ["Chief Information Officer", "VP of IT", "Director of IT", "IT Manager", "Senior Systems Administrator", "IT Support Specialist"]),
        new("legal", "Legal",
            ["General Counsel", "VP of Legal", "Director of Legal Affairs", "Legal Manager", "Senior Counsel", "Paralegal"]),
    ];
}
