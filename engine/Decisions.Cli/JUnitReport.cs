using System.Globalization;
using System.Text;
using System.Xml;
using Decisions.Engine.Validation;

namespace Decisions.Cli;

/// <summary>
/// The test results as JUnit XML, the format CI servers show: one test suite per file, one test case per embedded
/// test, and an error case for a file that does not compile. No times, so the same files give the same bytes.
/// </summary>
internal static class JUnitReport
{
    public static bool TryWrite(
        string path, IReadOnlyList<(RuleSetFile File, ValidationReport Report)> results, ToolContext context)
    {
        try
        {
            File.WriteAllText(path, Render(results), new UTF8Encoding(false));
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.Error.Write($"decisions: cannot write '{path}': {exception.Message}\n");
            return false;
        }
    }

    public static string Render(IReadOnlyList<(RuleSetFile File, ValidationReport Report)> results)
    {
        using var bytes = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(bytes, settings))
        {
            xml.WriteStartElement("testsuites");
            foreach (var (file, report) in results)
            {
                WriteSuite(xml, file, report);
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(bytes.ToArray()) + "\n";
    }

    private static void WriteSuite(XmlWriter xml, RuleSetFile file, ValidationReport report)
    {
        var name = report.Compiled is { } compiled
            ? string.Create(CultureInfo.InvariantCulture, $"{compiled.Ref.Name} version {compiled.Ref.Version}")
            : file.Path;
        var outcomes = report.Tests?.Outcomes ?? [];
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("file", file.Path);
        xml.WriteAttributeString("tests", Count(Math.Max(outcomes.Count, report.Tests is null ? 1 : 0)));
        xml.WriteAttributeString("failures", Count(report.Tests?.Failed ?? 0));
        xml.WriteAttributeString("errors", Count(report.Tests is null ? 1 : 0));
        foreach (var outcome in outcomes)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", name);
            xml.WriteAttributeString("name", outcome.Name);
            if (!outcome.Passed)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", outcome.Failures[0]);
                xml.WriteString(string.Join("\n", outcome.Failures));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (report.Tests is null)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", name);
            xml.WriteAttributeString("name", "compile");
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", "The rule set does not compile.");
            xml.WriteString(string.Join("\n", report.Problems.Select(p => $"{p.Path}: {p.Message}")));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
