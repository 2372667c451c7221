{-# LANGUAGE OverloadedStrings, QuasiQuotes, TemplateHaskell, TypeFamilies, MultiParamTypeClasses #-}
-- Yesod 1.6 (Debian's libghc-yesod-dev), a single-file app on its defaults: the session kept by clientsession,
-- AES-encrypted and MACed into the `_SESSION` cookie (its key made at first start in client_session_key.aes of the
-- working directory, the recording's own), written again on every response with a two-hour timeout. Yesod has no
-- session ID to change: the login clears the session and sets the user, the logout clears it.
-- Built by scripts/record-framework-hars.ts with ghc, run with the port as its argument.
import Data.Maybe (fromMaybe)
import qualified Data.Text as T
import Network.Wai.Handler.Warp (defaultSettings, runSettings, setHost, setPort)
import System.Environment (getArgs)
import Yesod

data App = App

mkYesod "App" [parseRoutes|
/ HomeR GET
/login LoginR GET POST
/logout LogoutR GET
|]

instance Yesod App

loginForm :: Html
loginForm = [shamlet|
<form method=post action=/login>
  <input name=username>
  <input type=password name=password>
  <button>Sign in
|]

getHomeR :: Handler Html
getHomeR = do
  visits <- maybe 0 (read . T.unpack) <$> lookupSession "visits"
  let v = visits + 1 :: Int
  setSession "visits" (T.pack (show v))
  user <- fromMaybe "anon" <$> lookupSession "user"
  return [shamlet|
<p>Hello #{user} visits=#{v}
<a #logout href=/logout>Log out
|]

getLoginR :: Handler Html
getLoginR = return loginForm

postLoginR :: Handler Html
postLoginR = do
  user <- lookupPostParam "username"
  password <- lookupPostParam "password"
  if password == Just "secret"
    then do
      clearSession
      setSession "user" (fromMaybe "" user)
      redirect HomeR
    else return [shamlet|
#{loginForm}
bad
|]

getLogoutR :: Handler Html
getLogoutR = clearSession >> redirect HomeR

main :: IO ()
main = do
  [port] <- getArgs
  app <- toWaiApp App
  runSettings (setHost "127.0.0.1" (setPort (read port) defaultSettings)) app
