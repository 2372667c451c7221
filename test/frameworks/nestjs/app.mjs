// NestJS 11 (Express platform) with express-session as its documentation's Session chapter sets it up (secret,
// `resave: false`, `saveUninitialized: false`; the home page counts visits in `@Session()`), and Passport's local
// strategy with sessions through @nestjs/passport: `PassportModule.register({ session: true })`, a serializer, and a
// LocalAuthGuard whose canActivate calls `super.logIn(request)` (Passport's req.login: the session regenerated).
// The logout is Passport's `req.logout()` (the user removed, the session saved, then regenerated). An exception filter
// shows the login form again after a wrong password (Nest would answer 401 JSON). Plain JavaScript, no build step:
// Nest's decorators applied by hand (what TypeScript's decorator emit does). Its port is the first argument.
import 'reflect-metadata';
import {
  Catch,
  Controller,
  Get,
  Injectable,
  Module,
  Post,
  Redirect,
  Req,
  Res,
  Session,
  UnauthorizedException,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthGuard, PassportModule, PassportSerializer, PassportStrategy } from '@nestjs/passport';
import session from 'express-session';
import passport from 'passport';
import { Strategy } from 'passport-local';

const port = Number(process.argv[2]);
const form = (err = '') =>
  `<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>${err}`;

/** Applies decorators as TypeScript's `__decorate` does: to a class, or to one of its methods. */
function decorate(decorators, target, key) {
  if (key === undefined) return Reflect.decorate(decorators, target);
  const descriptor = Reflect.decorate(decorators, target, key, Object.getOwnPropertyDescriptor(target, key));
  Object.defineProperty(target, key, descriptor);
}

class LocalStrategy extends PassportStrategy(Strategy) {
  validate(username, password) {
    if (username === 'alice' && password === 'secret') return { username };
    throw new UnauthorizedException();
  }
}
decorate([Injectable()], LocalStrategy);

class SessionSerializer extends PassportSerializer {
  serializeUser(user, done) {
    done(null, user);
  }
  deserializeUser(payload, done) {
    done(null, payload);
  }
}
decorate([Injectable()], SessionSerializer);

class LocalAuthGuard extends AuthGuard('local') {
  async canActivate(context) {
    const result = await super.canActivate(context);
    const request = context.switchToHttp().getRequest();
    await super.logIn(request);
    return result;
  }
}
decorate([Injectable()], LocalAuthGuard);

class LoginFailedFilter {
  catch(_exception, host) {
    host.switchToHttp().getResponse().status(401).type('html').send(form('bad'));
  }
}
decorate([Catch(UnauthorizedException)], LoginFailedFilter);

class AppController {
  home(req, session) {
    session.visits = session.visits ? session.visits + 1 : 1;
    return `<p>Hello ${req.user?.username ?? 'anon'} visits=${session.visits}</p><a id=logout href=/logout>Log out</a>`;
  }
  loginForm() {
    return form();
  }
  login() {}
  logout(req, res) {
    req.logout(() => res.redirect('/'));
  }
}
Req()(AppController.prototype, 'home', 0);
Session()(AppController.prototype, 'home', 1);
decorate([Get()], AppController.prototype, 'home');
decorate([Get('login')], AppController.prototype, 'loginForm');
decorate(
  [Post('login'), UseGuards(LocalAuthGuard), UseFilters(LoginFailedFilter), Redirect('/')],
  AppController.prototype,
  'login',
);
Req()(AppController.prototype, 'logout', 0);
Res()(AppController.prototype, 'logout', 1);
decorate([Get('logout')], AppController.prototype, 'logout');
decorate([Controller()], AppController);

class AppModule {}
decorate(
  [
    Module({
      imports: [PassportModule.register({ session: true })],
      controllers: [AppController],
      providers: [LocalStrategy, SessionSerializer],
    }),
  ],
  AppModule,
);

const app = await NestFactory.create(AppModule, { logger: ['error'] });
app.use(session({ secret: 'my-secret', resave: false, saveUninitialized: false }));
app.use(passport.session());
await app.listen(port, '127.0.0.1');
