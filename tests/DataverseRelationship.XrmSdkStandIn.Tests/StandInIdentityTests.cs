#if !XRMSDK_OFFICIAL
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.XrmSdkStandIn.Tests;

/// <summary>The stand-in can never be mistaken for Microsoft's assembly (compiled only against the stand-in).</summary>
public class StandInIdentityTests
{
    private static readonly AssemblyName StandIn = typeof(IPlugin).Assembly.GetName();

    [Fact]
    public void Assembly_name_is_not_Microsofts()
    {
        Assert.Equal("DataverseRelationship.XrmSdkStandIn", StandIn.Name);
        Assert.DoesNotContain("Microsoft", StandIn.Name!, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Assembly_is_not_signed_with_Microsofts_key()
    {
        var token = StandIn.GetPublicKeyToken() ?? System.Array.Empty<byte>();
        Assert.NotEqual("31bf3856ad364e35", System.Convert.ToHexString(token).ToLowerInvariant());
    }
}
#endif
