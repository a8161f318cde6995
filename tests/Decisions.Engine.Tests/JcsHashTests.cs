using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// A version's content hash is RFC 8785: the hash of every seed version, and the canonical bytes of awkward numbers
/// and strings, are what an independent JCS implementation (the npm package canonicalize, in tests/jcs) gives.
/// </summary>
public sealed class JcsHashTests
{
    private static readonly string Tool = Path.Combine(RuleSetFiles.Root, "tests", "jcs");

    [Fact]
    public void Every_seed_versions_hash_is_the_sha256_of_its_export_canonicalized_by_an_independent_jcs_library()
    {
        var folder = Directory.CreateTempSubdirectory("jcs-").FullName;
        try
        {
            var files = RuleSetFiles.All().ToList();
            var exports = files.Select((file, i) => Path.Combine(folder, $"{i}.json")).ToList();
            foreach (var (file, export) in files.Zip(exports))
            {
                // As the seeder stores it and GET .../export answers it: with the "$schema" hint, which is not hashed.
                File.WriteAllText(export, RuleSetJson.Serialize(RuleSetFiles.Load(file)));
            }

            var independent = Node(["hash.mjs", .. exports]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(files.Count, independent.Length);
            Assert.Equal(
                files.Select((f, i) => $"{f} {independent[i]}"),
                files.Select(f => $"{f} {RuleSetJson.Hash(RuleSetFiles.Load(f))}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_number_kept_as_written_by_the_old_form_is_written_the_ecmascript_way()
    {
        var big = RuleSetFiles.Load("big-customer-revenue/v1.json");

        Assert.NotEqual(RuleSetJson.SortedKeysHash(big), RuleSetJson.Hash(big));
        Assert.True(RuleSetJson.Matches(big, RuleSetJson.SortedKeysHash(big)));
        Assert.False(RuleSetJson.Matches(big, RuleSetJson.SortedKeysHash(RuleSetFiles.Load("retail-tiering/v1.json"))));
    }

    [Fact]
    public void Awkward_numbers_strings_and_key_orders_canonicalize_as_the_independent_library_does()
    {
        const string Json = """
            {"z":1.0,"a":[1e21,1e20,123456789012345678901,0.000001,1e-7,-0.0,0.1,1.5e300,-2.50,100,5e-324],
             "\u00e9":"\u0001\u001f\b\f\n\r\t\"\\/\u00e9\ud83d\ude00\u2028","\ud83d\ude00":0,"\u20ac":0,"B":true,"":null}
            """;
        var mine = Encoding.UTF8.GetString(JsonCanonicalization.Canonicalize(JsonDocument.Parse(Json).RootElement));

        var theirs = Node(["--input-type=module", "-e",
            "import c from 'canonicalize'; process.stdout.write(c(JSON.parse(process.argv[1])));", Json]);

        Assert.Equal(theirs, mine);
    }

    private static string Node(IEnumerable<string> arguments)
    {
        Assert.True(Directory.Exists(Path.Combine(Tool, "node_modules", "canonicalize")),
            "The independent JCS library is not installed: run 'npm ci --prefix tests/jcs' (test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Tool, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd();
        var error = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, error);
        return output;
    }
}
