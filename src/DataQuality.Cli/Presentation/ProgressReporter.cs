using System.Diagnostics;
using System.Globalization;
using DataQuality.Core.Progress;
using Spectre.Console;

namespace DataQuality.Cli.Presentation;

/// <summary>
/// The one way a long command shows progress, always on standard error (standard output stays the report).
/// On a terminal: a live line (stage, done/total, rate, ETA) once the work has run for a second.
/// Otherwise (CI logs, tests): one plain line per stage, no ANSI codes. <c>--quiet</c>: nothing.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly TimeSpan LiveAfter = TimeSpan.FromSeconds(1);
    private readonly CliContext _context;
    private readonly string _command;
    private readonly bool _quiet;
    private readonly bool _terminal;

    private ProgressReporter(CliContext context, string command, bool quiet, bool terminal)
    {
        _context = context;
        _command = command;
        _quiet = quiet;
        _terminal = terminal;
    }

    public static ProgressReporter For(CliContext context, string command, bool quiet) =>
        new(context, command, quiet, Terminal.IsErrorTerminal(context));

    /// <summary>Runs <paramref name="work"/>, showing what it reports through the progress it is given.</summary>
    public async Task<T> RunAsync<T>(Func<IProgress<WorkProgress>, Task<T>> work, CancellationToken ct)
    {
        if (_quiet) return await work(new Sink(null)).ConfigureAwait(false);
        if (!_terminal) return await work(new Sink(StageLine)).ConfigureAwait(false);

        var sink = new Sink(null);
        var running = work(sink);
        var first = await Task.WhenAny(running, Task.Delay(LiveAfter, ct)).ConfigureAwait(false);
        if (first == running) return await running.ConfigureAwait(false);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_context.Error) });
        await console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("starting");
                string? stage = null;
                var clock = Stopwatch.StartNew();
                while (!running.IsCompleted)
                {
                    if (sink.Latest is { } p)
                    {
                        if (p.Stage != stage)
                        {
                            stage = p.Stage;
                            clock.Restart();
                        }
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = Markup.Escape(Describe(p, clock.Elapsed));
                    }
                    await Task.WhenAny(running, Task.Delay(100, ct)).ConfigureAwait(false);
                }
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return await running.ConfigureAwait(false);
    }

    /// <summary>The live line's text: stage, done/total and the rate since the stage began.</summary>
    internal static string Describe(WorkProgress p, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? p.Done / elapsed.TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: {p.Done:N0}/{p.Total:N0} {p.Unit}, {rate:N1}/s");
    }

    /// <summary>Non-terminal output: a stage is announced once, when it starts, with how much it has to do.</summary>
    private void StageLine(WorkProgress p) =>
        _context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dq {_command}: {p.Stage} ({p.Total:N0} {p.Unit})"));

    /// <summary>
    /// Keeps the latest report and calls <paramref name="onNewStage"/> once per stage. Reports arrive on the
    /// worker's thread; <see cref="Progress{T}"/> would post to a synchronisation context the CLI does not have.
    /// </summary>
    private sealed class Sink(Action<WorkProgress>? onNewStage) : IProgress<WorkProgress>
    {
        private readonly Lock _gate = new();
        private string? _stage;
        private WorkProgress? _latest;

        public WorkProgress? Latest
        {
            get { lock (_gate) return _latest; }
        }

        public void Report(WorkProgress value)
        {
            lock (_gate)
            {
                _latest = value;
                if (value.Stage == _stage) return;
                _stage = value.Stage;
                onNewStage?.Invoke(value);
            }
        }
    }
}
