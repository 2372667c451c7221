<%@ page contentType="text/html" %><%
if ("POST".equals(request.getMethod())) {
  if ("secret".equals(request.getParameter("password"))) {
    request.changeSessionId();
    session.setAttribute("user", request.getParameter("username"));
    response.sendRedirect(response.encodeRedirectURL("/")); return;
  }
  out.print("bad");
}
%><form method="post" action="<%= response.encodeURL("/login.jsp") %>"><input name="username"><input type="password" name="password"><button>Sign in</button></form>
