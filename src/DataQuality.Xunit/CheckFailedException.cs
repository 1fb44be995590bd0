namespace DataQuality.Xunit;

/// <summary>A data check that failed or could not be evaluated; xunit reports it as an assertion failure (no stack trace noise).</summary>
public sealed class CheckFailedException : Exception, IAssertionException
{
    public CheckFailedException(string message) : base(message) { }

    public CheckFailedException() { }

    public CheckFailedException(string message, Exception inner) : base(message, inner) { }

    public override string? StackTrace => null;
}

/// <summary>xunit recognises assertion failures by an interface of this name (any namespace), so no stack trace is shown for data failures.</summary>
public interface IAssertionException
{
}
