#if NETFRAMEWORK
namespace System.Runtime.CompilerServices;

/// <summary>Lets records and init-only setters compile for .NET Framework 4.6.2, which lacks this marker type.</summary>
internal static class IsExternalInit
{
}
#endif
