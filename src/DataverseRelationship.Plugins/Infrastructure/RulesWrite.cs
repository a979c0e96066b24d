using DataverseRelationship.Engine.Model;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Infrastructure;

/// <summary>
/// Recognises the relationship rules' own writes by who makes them: the plugins write computed columns only through
/// the SYSTEM service (<see cref="ILocalPluginContext.SystemService"/>, <c>CreateOrganizationService(null)</c>).
/// </summary>
/// <remarks>
/// What the nested operation's context carries for such a write (Microsoft Learn):
/// <list type="bullet">
/// <item><c>CreateOrganizationService(null)</c> makes the calls "for" the SYSTEM user
/// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iorganizationservicefactory.createorganizationservice),
/// and <c>UserId</c> is "the system user for whom the plug-in invokes web service methods"
/// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.userid), so the nested context's
/// UserId is SYSTEM;</item>
/// <item><c>InitiatingUserId</c> stays the user whose request started the pipeline
/// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.initiatinguserid;
/// https://learn.microsoft.com/power-apps/developer/data-platform/impersonate-a-user);</item>
/// <item><c>Depth</c> grows by one for each call a plugin makes
/// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth), so a request from outside
/// the pipeline has depth 1.</item>
/// </list>
/// A user's own request therefore always has UserId = InitiatingUserId at depth 1, whatever parameters it sends; a
/// plugin's write through the calling user's service (<c>Guid.Empty</c>) keeps UserId = InitiatingUserId too. Neither
/// a shared variable nor <c>ParentContext</c> is evidence: any caller can send a "tag" parameter, and Learn says
/// ParentContext "may be populated" for stage 20/40 steps on Create and Update (and says nothing of stage 10)
/// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.ipluginexecutioncontext.parentcontext).
/// Limit: a write by any plugin acting for another identity than the initiating user counts as trusted; registering a
/// plugin takes customizer privileges, which the users these columns are guarded from do not hold.
/// </remarks>
public static class RulesWrite
{
    /// <summary>Whether the executing operation is a write a plugin made for another identity (SYSTEM) than the user who started it.</summary>
    public static bool IsRulesWrite(IExecutionContext context)
    {
        Argument.NotNull(context, nameof(context));
        return context.Depth > 1 && context.UserId != context.InitiatingUserId;
    }
}
