using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using DataverseRelationship.Tests.Support;

namespace DataverseRelationship.Cli.Tests.Reporting;

/// <summary>Runs headless Chromium on a local file: the DOM after the scripts ran, its console output, a screenshot.</summary>
public static class HeadlessChromium
{
    /// <summary>The browser (see <see cref="ExternalProgram.Chromium"/>): skips the test where it is missing, fails in CI.</summary>
    public static string Require() => ExternalProgram.Chromium.Require();

    /// <summary>Loads the page and returns the serialised DOM and the browser's log (console messages included).</summary>
    public static (string Dom, string Log) DumpDom(string browser, string htmlFile, string profileFolder)
        => Run(browser, profileFolder, ["--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(htmlFile).AbsoluteUri]);

    /// <summary>The DOM of the page opened with <paramref name="fragment"/> as its address's fragment (what a shared link carries).</summary>
    public static (string Dom, string Log) DumpDom(string browser, string htmlFile, string profileFolder, string fragment)
        => Run(browser, profileFolder, ["--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(htmlFile).AbsoluteUri + "#" + fragment]);

    /// <summary>Writes a PNG screenshot of the page.</summary>
    public static void Screenshot(string browser, string htmlFile, string pngFile, string profileFolder)
        => Run(browser, profileFolder, [$"--screenshot={pngFile}", "--window-size=1280,2600", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri]);

    private static (string Out, string Err) Run(string browser, string profileFolder, string[] extra)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profileFolder}",
                 }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{browser} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{browser} did not finish within 90 seconds.");
        }

        return (output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
